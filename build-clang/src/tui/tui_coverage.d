build-clang/src/tui/tui_coverage.o: src/tui/tui_coverage.c \
  include/medbill/patient.h include/medbill/model.h \
  include/medbill/date.h include/medbill/money.h include/medbill/store.h \
  include/medbill/practice.h include/medbill/strbuf.h \
  include/medbill/util.h include/medbill/validate.h src/tui/tui_priv.h

include/medbill/patient.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/util.h:

include/medbill/validate.h:

src/tui/tui_priv.h:
