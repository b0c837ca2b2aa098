build-clang/src/domain/demo.o: src/domain/demo.c src/domain/demo_priv.h \
  include/medbill/demo.h include/medbill/model.h include/medbill/date.h \
  include/medbill/money.h include/medbill/store_demo.h \
  include/medbill/util.h include/medbill/claim.h \
  include/medbill/encounter.h include/medbill/store.h \
  include/medbill/ledger.h include/medbill/patient.h \
  include/medbill/practice.h include/medbill/strbuf.h \
  include/medbill/validate.h

src/domain/demo_priv.h:

include/medbill/demo.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:

include/medbill/store_demo.h:

include/medbill/util.h:

include/medbill/claim.h:

include/medbill/encounter.h:

include/medbill/store.h:

include/medbill/ledger.h:

include/medbill/patient.h:

include/medbill/practice.h:

include/medbill/strbuf.h:

include/medbill/validate.h:
