build-clang/src/cli/patients.o: src/cli/patients.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/patient.h \
  include/medbill/model.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/patient.h:

include/medbill/model.h:
