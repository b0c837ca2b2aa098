build-prof/src/domain/exchange.o: src/domain/exchange.c \
 include/medbill/claim.h include/medbill/model.h include/medbill/date.h \
 include/medbill/money.h include/medbill/encounter.h \
 include/medbill/store.h include/medbill/exchange.h \
 include/medbill/xmlx.h include/medbill/ledger.h \
 include/medbill/patient.h include/medbill/practice.h \
 include/medbill/strbuf.h include/medbill/util.h include/medbill/strbuf.h \
 include/medbill/util.h include/medbill/xmlx.h
include/medbill/claim.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/encounter.h:
include/medbill/store.h:
include/medbill/exchange.h:
include/medbill/xmlx.h:
include/medbill/ledger.h:
include/medbill/patient.h:
include/medbill/practice.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/xmlx.h:
