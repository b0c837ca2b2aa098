build-prof/src/tui/tui_dialog.o: src/tui/tui_dialog.c src/tui/tui_priv.h \
 include/medbill/util.h include/medbill/strbuf.h include/medbill/util.h \
 include/medbill/date.h include/medbill/money.h include/medbill/model.h \
 include/medbill/date.h include/medbill/money.h
src/tui/tui_priv.h:
include/medbill/util.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
