build-prof/src/tui/tui_cell.o: src/tui/tui_cell.c include/medbill/aging.h \
 include/medbill/model.h include/medbill/date.h include/medbill/money.h \
 include/medbill/claim.h include/medbill/patient.h \
 include/medbill/store.h src/tui/tui_priv.h include/medbill/util.h \
 include/medbill/strbuf.h include/medbill/util.h include/medbill/date.h \
 include/medbill/money.h include/medbill/model.h
include/medbill/aging.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/claim.h:
include/medbill/patient.h:
include/medbill/store.h:
src/tui/tui_priv.h:
include/medbill/util.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/model.h:
