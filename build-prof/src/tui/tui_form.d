build-prof/src/tui/tui_form.o: src/tui/tui_form.c src/tui/tui_priv.h \
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
