build-clang/src/store/aging.o: src/store/aging.c src/store/store_priv.h \
  include/medbill/store.h include/medbill/date.h include/medbill/money.h \
  include/medbill/util.h include/medbill/store_ledger.h \
  include/medbill/model.h include/medbill/claim.h \
  include/medbill/ledger.h include/medbill/aging.h

src/store/store_priv.h:

include/medbill/store.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/util.h:

include/medbill/store_ledger.h:

include/medbill/model.h:

include/medbill/claim.h:

include/medbill/ledger.h:

include/medbill/aging.h:
