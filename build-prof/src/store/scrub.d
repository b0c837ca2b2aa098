build-prof/src/store/scrub.o: src/store/scrub.c src/store/store_priv.h \
 include/medbill/store.h include/medbill/date.h include/medbill/money.h \
 include/medbill/util.h include/medbill/store_batch.h \
 include/medbill/batch.h include/medbill/model.h include/medbill/date.h \
 include/medbill/money.h include/medbill/store.h include/medbill/scrub.h
src/store/store_priv.h:
include/medbill/store.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/util.h:
include/medbill/store_batch.h:
include/medbill/batch.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/store.h:
include/medbill/scrub.h:
