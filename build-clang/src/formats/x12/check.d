build-clang/src/formats/x12/check.o: src/formats/x12/check.c \
  src/formats/x12/check_priv.h include/medbill/money.h \
  include/medbill/util.h include/medbill/x12.h include/medbill/date.h \
  include/medbill/strbuf.h include/medbill/x12check.h

src/formats/x12/check_priv.h:

include/medbill/money.h:

include/medbill/util.h:

include/medbill/x12.h:

include/medbill/date.h:

include/medbill/strbuf.h:

include/medbill/x12check.h:
