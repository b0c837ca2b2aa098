build-clang/src/lib/util.o: src/lib/util.c include/medbill/util.h \
  include/medbill/strbuf.h

include/medbill/util.h:

include/medbill/strbuf.h:
