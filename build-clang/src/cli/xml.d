build-clang/src/cli/xml.o: src/cli/xml.c src/cli/cli.h \
  include/medbill/util.h include/medbill/store.h include/medbill/money.h \
  include/medbill/date.h include/medbill/exchange.h \
  include/medbill/xmlx.h include/medbill/model.h

src/cli/cli.h:

include/medbill/util.h:

include/medbill/store.h:

include/medbill/money.h:

include/medbill/date.h:

include/medbill/exchange.h:

include/medbill/xmlx.h:

include/medbill/model.h:
