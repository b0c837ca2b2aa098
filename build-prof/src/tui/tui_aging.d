build-prof/src/tui/tui_aging.o: src/tui/tui_aging.c \
 include/medbill/aging.h include/medbill/model.h include/medbill/date.h \
 include/medbill/money.h src/tui/tui_priv.h include/medbill/util.h \
 include/medbill/strbuf.h include/medbill/util.h include/medbill/date.h \
 include/medbill/money.h include/medbill/model.h
include/medbill/aging.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
src/tui/tui_priv.h:
include/medbill/util.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/model.h:
