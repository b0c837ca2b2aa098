build-clang/src/formats/csv.o: src/formats/csv.c include/medbill/csv.h \
  include/medbill/infile.h include/medbill/strbuf.h \
  include/medbill/util.h

include/medbill/csv.h:

include/medbill/infile.h:

include/medbill/strbuf.h:

include/medbill/util.h:
