build-clang/src/domain/aging.o: src/domain/aging.c \
  include/medbill/aging.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/store.h \
  include/medbill/store_ledger.h include/medbill/claim.h \
  include/medbill/ledger.h include/medbill/util.h

include/medbill/aging.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/store_ledger.h:

include/medbill/claim.h:

include/medbill/ledger.h:

include/medbill/util.h:
