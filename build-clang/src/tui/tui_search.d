build-clang/src/tui/tui_search.o: src/tui/tui_search.c \
  include/medbill/patient.h include/medbill/model.h \
  include/medbill/date.h include/medbill/money.h include/medbill/store.h \
  src/tui/tui_priv.h include/medbill/util.h include/medbill/strbuf.h

include/medbill/patient.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

src/tui/tui_priv.h:

include/medbill/util.h:

include/medbill/strbuf.h:
