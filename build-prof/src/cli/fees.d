build-prof/src/cli/fees.o: src/cli/fees.c src/cli/cli.h \
 include/medbill/util.h include/medbill/store.h include/medbill/money.h \
 include/medbill/date.h include/medbill/practice.h \
 include/medbill/model.h include/medbill/date.h include/medbill/money.h \
 include/medbill/store.h include/medbill/strbuf.h include/medbill/util.h
src/cli/cli.h:
include/medbill/util.h:
include/medbill/store.h:
include/medbill/money.h:
include/medbill/date.h:
include/medbill/practice.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/store.h:
include/medbill/strbuf.h:
include/medbill/util.h:
