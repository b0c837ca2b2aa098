build-clang/src/cli/claims.o: src/cli/claims.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/batch.h include/medbill/model.h \
  include/medbill/claim.h include/medbill/practice.h \
  include/medbill/strbuf.h include/medbill/scrub.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/batch.h:

include/medbill/model.h:

include/medbill/claim.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/scrub.h:
