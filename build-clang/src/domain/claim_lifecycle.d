build-clang/src/domain/claim_lifecycle.o: src/domain/claim_lifecycle.c \
  include/medbill/batch.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/store.h \
  include/medbill/claim.h include/medbill/util.h \
  include/medbill/validate.h

include/medbill/batch.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/claim.h:

include/medbill/util.h:

include/medbill/validate.h:
