build-clang/src/cli/init.o: src/cli/init.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/practice.h \
  include/medbill/model.h include/medbill/strbuf.h \
  include/medbill/codes.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/practice.h:

include/medbill/model.h:

include/medbill/strbuf.h:

include/medbill/codes.h:
