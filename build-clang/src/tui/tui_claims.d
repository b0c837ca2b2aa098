build-clang/src/tui/tui_claims.o: src/tui/tui_claims.c \
  include/medbill/batch.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/store.h \
  include/medbill/claim.h include/medbill/practice.h \
  include/medbill/strbuf.h include/medbill/util.h src/tui/tui_priv.h

include/medbill/batch.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/claim.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/util.h:

src/tui/tui_priv.h:
