build-clang/src/cli/cli.o: src/cli/cli.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:
