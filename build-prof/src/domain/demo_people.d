build-prof/src/domain/demo_people.o: src/domain/demo_people.c \
 src/domain/demo_priv.h include/medbill/demo.h include/medbill/model.h \
 include/medbill/date.h include/medbill/money.h include/medbill/model.h \
 include/medbill/store_demo.h include/medbill/util.h \
 include/medbill/validate.h
src/domain/demo_priv.h:
include/medbill/demo.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/model.h:
include/medbill/store_demo.h:
include/medbill/util.h:
include/medbill/validate.h:
