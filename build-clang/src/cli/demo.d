build-clang/src/cli/demo.o: src/cli/demo.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/demo.h include/medbill/model.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/demo.h:

include/medbill/model.h:
