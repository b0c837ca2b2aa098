build-prof/src/domain/demo_visit.o: src/domain/demo_visit.c \
 src/domain/demo_priv.h include/medbill/demo.h include/medbill/model.h \
 include/medbill/date.h include/medbill/money.h include/medbill/model.h \
 include/medbill/store_demo.h include/medbill/util.h \
 include/medbill/claim.h include/medbill/encounter.h \
 include/medbill/store.h
src/domain/demo_priv.h:
include/medbill/demo.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/model.h:
include/medbill/store_demo.h:
include/medbill/util.h:
include/medbill/claim.h:
include/medbill/encounter.h:
include/medbill/store.h:
