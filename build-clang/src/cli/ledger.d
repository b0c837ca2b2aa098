build-clang/src/cli/ledger.o: src/cli/ledger.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/aging.h include/medbill/model.h \
  include/medbill/check.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/aging.h:

include/medbill/model.h:

include/medbill/check.h:
