build-clang/src/tui/tui_app.o: src/tui/tui_app.c include/medbill/tui.h \
  src/tui/tui_priv.h include/medbill/util.h include/medbill/strbuf.h \
  include/medbill/date.h include/medbill/money.h include/medbill/model.h

include/medbill/tui.h:

src/tui/tui_priv.h:

include/medbill/util.h:

include/medbill/strbuf.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/model.h:
