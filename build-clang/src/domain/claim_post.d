build-clang/src/domain/claim_post.o: src/domain/claim_post.c \
  include/medbill/claim.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/encounter.h \
  include/medbill/store.h include/medbill/util.h

include/medbill/claim.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/encounter.h:

include/medbill/store.h:

include/medbill/util.h:
