build-prof/src/cli/init.o: src/cli/init.c src/cli/cli.h \
 include/medbill/util.h include/medbill/store.h include/medbill/money.h \
 include/medbill/date.h include/medbill/codes.h include/medbill/date.h
src/cli/cli.h:
include/medbill/util.h:
include/medbill/store.h:
include/medbill/money.h:
include/medbill/date.h:
include/medbill/codes.h:
include/medbill/date.h:
