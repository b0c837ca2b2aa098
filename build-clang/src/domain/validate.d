build-clang/src/domain/validate.o: src/domain/validate.c \
  include/medbill/validate.h include/medbill/model.h \
  include/medbill/date.h include/medbill/money.h include/medbill/util.h

include/medbill/validate.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/util.h:
