build-clang/src/tui/tui_claim.o: src/tui/tui_claim.c \
  include/medbill/claim.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/encounter.h \
  include/medbill/store.h include/medbill/ledger.h \
  include/medbill/patient.h include/medbill/practice.h \
  include/medbill/strbuf.h include/medbill/util.h src/tui/tui_priv.h

include/medbill/claim.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/encounter.h:

include/medbill/store.h:

include/medbill/ledger.h:

include/medbill/patient.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/util.h:

src/tui/tui_priv.h:
