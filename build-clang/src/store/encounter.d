build-clang/src/store/encounter.o: src/store/encounter.c src/store/rows.h \
  src/store/store_priv.h include/medbill/store.h include/medbill/date.h \
  include/medbill/money.h include/medbill/util.h include/medbill/model.h \
  include/medbill/store_entities.h include/medbill/practice.h \
  include/medbill/strbuf.h include/medbill/patient.h \
  include/medbill/encounter.h

src/store/rows.h:

src/store/store_priv.h:

include/medbill/store.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/util.h:

include/medbill/model.h:

include/medbill/store_entities.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/patient.h:

include/medbill/encounter.h:
