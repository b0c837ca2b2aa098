build-clang/src/lib/money.o: src/lib/money.c include/medbill/money.h \
  include/medbill/util.h

include/medbill/money.h:

include/medbill/util.h:
