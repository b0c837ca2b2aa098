build-clang/src/tui/tui_help.o: src/tui/tui_help.c src/tui/tui_priv.h \
  include/medbill/util.h include/medbill/strbuf.h include/medbill/date.h \
  include/medbill/money.h include/medbill/model.h

src/tui/tui_priv.h:

include/medbill/util.h:

include/medbill/strbuf.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/model.h:
