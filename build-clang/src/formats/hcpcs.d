build-clang/src/formats/hcpcs.o: src/formats/hcpcs.c \
  include/medbill/hcpcs.h include/medbill/date.h \
  include/medbill/infile.h include/medbill/strbuf.h \
  include/medbill/util.h

include/medbill/hcpcs.h:

include/medbill/date.h:

include/medbill/infile.h:

include/medbill/strbuf.h:

include/medbill/util.h:
