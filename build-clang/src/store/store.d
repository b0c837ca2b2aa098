build-clang/src/store/store.o: src/store/store.c src/store/store_priv.h \
  include/medbill/store.h include/medbill/date.h include/medbill/money.h \
  include/medbill/util.h

src/store/store_priv.h:

include/medbill/store.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/util.h:
