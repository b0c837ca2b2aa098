build-clang/src/domain/claim.o: src/domain/claim.c \
  include/medbill/claim.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/ledger.h \
  include/medbill/store.h include/medbill/store_ledger.h \
  include/medbill/aging.h include/medbill/util.h

include/medbill/claim.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/ledger.h:

include/medbill/store.h:

include/medbill/store_ledger.h:

include/medbill/aging.h:

include/medbill/util.h:
