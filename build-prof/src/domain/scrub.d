build-prof/src/domain/scrub.o: src/domain/scrub.c include/medbill/batch.h \
 include/medbill/model.h include/medbill/date.h include/medbill/money.h \
 include/medbill/store.h include/medbill/claim.h include/medbill/codes.h \
 include/medbill/practice.h include/medbill/strbuf.h \
 include/medbill/util.h include/medbill/scrub.h \
 include/medbill/store_batch.h include/medbill/batch.h \
 include/medbill/scrub.h include/medbill/validate.h include/medbill/x12.h \
 include/medbill/util.h
include/medbill/batch.h:
include/medbill/model.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/store.h:
include/medbill/claim.h:
include/medbill/codes.h:
include/medbill/practice.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/scrub.h:
include/medbill/store_batch.h:
include/medbill/batch.h:
include/medbill/scrub.h:
include/medbill/validate.h:
include/medbill/x12.h:
include/medbill/util.h:
