build-clang/src/domain/ledger.o: src/domain/ledger.c \
  include/medbill/ledger.h include/medbill/model.h \
  include/medbill/date.h include/medbill/money.h include/medbill/store.h \
  include/medbill/store_ledger.h include/medbill/claim.h \
  include/medbill/aging.h include/medbill/util.h

include/medbill/ledger.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/store_ledger.h:

include/medbill/claim.h:

include/medbill/aging.h:

include/medbill/util.h:
