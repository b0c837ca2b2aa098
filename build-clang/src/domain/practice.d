build-clang/src/domain/practice.o: src/domain/practice.c \
  include/medbill/practice.h include/medbill/model.h \
  include/medbill/date.h include/medbill/money.h include/medbill/store.h \
  include/medbill/strbuf.h include/medbill/util.h \
  include/medbill/store_entities.h include/medbill/patient.h \
  include/medbill/encounter.h include/medbill/validate.h

include/medbill/practice.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store.h:

include/medbill/strbuf.h:

include/medbill/util.h:

include/medbill/store_entities.h:

include/medbill/patient.h:

include/medbill/encounter.h:

include/medbill/validate.h:
