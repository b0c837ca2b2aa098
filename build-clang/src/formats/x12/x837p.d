build-clang/src/formats/x12/x837p.o: src/formats/x12/x837p.c \
  include/medbill/util.h include/medbill/validate.h \
  include/medbill/model.h include/medbill/date.h include/medbill/money.h \
  include/medbill/x837.h include/medbill/x12.h include/medbill/strbuf.h

include/medbill/util.h:

include/medbill/validate.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/x837.h:

include/medbill/x12.h:

include/medbill/strbuf.h:
