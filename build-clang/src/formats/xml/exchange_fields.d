build-clang/src/formats/xml/exchange_fields.o: \
  src/formats/xml/exchange_fields.c src/formats/xml/exchange_priv.h \
  include/medbill/model.h include/medbill/date.h include/medbill/money.h

src/formats/xml/exchange_priv.h:

include/medbill/model.h:

include/medbill/date.h:

include/medbill/money.h:
