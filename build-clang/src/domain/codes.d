build-clang/src/domain/codes.o: src/domain/codes.c \
  include/medbill/codes.h include/medbill/date.h \
  include/medbill/store_codes.h include/medbill/store.h \
  include/medbill/strbuf.h include/medbill/util.h \
  src/domain/codes_priv.h

include/medbill/codes.h:

include/medbill/date.h:

include/medbill/store_codes.h:

include/medbill/store.h:

include/medbill/strbuf.h:

include/medbill/util.h:

src/domain/codes_priv.h:
