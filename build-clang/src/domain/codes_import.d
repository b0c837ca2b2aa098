build-clang/src/domain/codes_import.o: src/domain/codes_import.c \
  include/medbill/codes.h include/medbill/date.h include/medbill/csv.h \
  include/medbill/hcpcs.h include/medbill/icd10cm.h \
  include/medbill/store_codes.h include/medbill/store.h \
  include/medbill/strbuf.h include/medbill/util.h \
  src/domain/codes_priv.h

include/medbill/codes.h:

include/medbill/date.h:

include/medbill/csv.h:

include/medbill/hcpcs.h:

include/medbill/icd10cm.h:

include/medbill/store_codes.h:

include/medbill/store.h:

include/medbill/strbuf.h:

include/medbill/util.h:

src/domain/codes_priv.h:
