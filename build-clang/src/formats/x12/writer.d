build-clang/src/formats/x12/writer.o: src/formats/x12/writer.c \
  include/medbill/util.h include/medbill/x12.h include/medbill/date.h \
  include/medbill/money.h include/medbill/strbuf.h

include/medbill/util.h:

include/medbill/x12.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/strbuf.h:
