build-clang/src/lib/date.o: src/lib/date.c include/medbill/date.h \
  include/medbill/util.h

include/medbill/date.h:

include/medbill/util.h:
