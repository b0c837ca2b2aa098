build-clang/src/cli/main.o: src/cli/main.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/tui.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/tui.h:
