build-clang/src/lib/strbuf.o: src/lib/strbuf.c include/medbill/strbuf.h \
  include/medbill/util.h

include/medbill/strbuf.h:

include/medbill/util.h:
