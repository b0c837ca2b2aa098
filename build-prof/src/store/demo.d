build-prof/src/store/demo.o: src/store/demo.c src/store/store_priv.h \
 include/medbill/store.h include/medbill/date.h include/medbill/money.h \
 include/medbill/util.h include/medbill/store_demo.h \
 include/medbill/model.h include/medbill/date.h include/medbill/money.h \
 include/medbill/strbuf.h include/medbill/util.h
src/store/store_priv.h:
include/medbill/store.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/util.h:
include/medbill/store_demo.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/strbuf.h:
include/medbill/util.h:
