build-prof/src/cli/x12.o: src/cli/x12.c src/cli/cli.h \
 include/medbill/util.h include/medbill/store.h include/medbill/money.h \
 include/medbill/date.h include/medbill/codes.h include/medbill/date.h \
 include/medbill/x12check.h
src/cli/cli.h:
include/medbill/util.h:
include/medbill/store.h:
include/medbill/money.h:
include/medbill/date.h:
include/medbill/codes.h:
include/medbill/date.h:
include/medbill/x12check.h:
