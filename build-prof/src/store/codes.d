build-prof/src/store/codes.o: src/store/codes.c src/store/store_priv.h \
 include/medbill/store.h include/medbill/date.h include/medbill/money.h \
 include/medbill/util.h include/medbill/store_codes.h \
 include/medbill/date.h include/medbill/store.h
src/store/store_priv.h:
include/medbill/store.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/util.h:
include/medbill/store_codes.h:
include/medbill/date.h:
include/medbill/store.h:
