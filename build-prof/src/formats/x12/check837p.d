build-prof/src/formats/x12/check837p.o: src/formats/x12/check837p.c \
 src/formats/x12/check_priv.h include/medbill/money.h \
 include/medbill/util.h include/medbill/x12.h include/medbill/date.h \
 include/medbill/money.h include/medbill/strbuf.h include/medbill/util.h \
 include/medbill/x12check.h include/medbill/validate.h \
 include/medbill/model.h
src/formats/x12/check_priv.h:
include/medbill/money.h:
include/medbill/util.h:
include/medbill/x12.h:
include/medbill/date.h:
include/medbill/money.h:
include/medbill/strbuf.h:
include/medbill/util.h:
include/medbill/x12check.h:
include/medbill/validate.h:
include/medbill/model.h:
