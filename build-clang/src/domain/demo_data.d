build-clang/src/domain/demo_data.o: src/domain/demo_data.c \
  src/domain/demo_priv.h include/medbill/demo.h include/medbill/model.h \
  include/medbill/date.h include/medbill/money.h \
  include/medbill/store_demo.h include/medbill/util.h

src/domain/demo_priv.h:

include/medbill/demo.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store_demo.h:

include/medbill/util.h:
