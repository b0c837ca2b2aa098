build-clang/src/domain/batch.o: src/domain/batch.c \
  include/medbill/batch.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/store.h \
  include/medbill/claim.h include/medbill/practice.h \
  include/medbill/strbuf.h include/medbill/util.h \
  include/medbill/scrub.h include/medbill/store_batch.h \
  include/medbill/x837.h include/medbill/x12.h

include/medbill/batch.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/claim.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/util.h:

include/medbill/scrub.h:

include/medbill/store_batch.h:

include/medbill/x837.h:

include/medbill/x12.h:
