# medbill: a terminal medical billing workstation.
# make | make check | make asan | make run | make bench | make install

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/medbill
PKG_CONFIG ?= pkg-config
CC ?= cc
CFLAGS ?= -O2 -g

PKGS = ncursesw formw menuw panelw sqlite3 libxml-2.0
APT_PKGS = build-essential pkg-config libncurses-dev libsqlite3-dev libxml2-dev libcmocka-dev

ifeq ($(filter clean,$(MAKECMDGOALS)),)
ifneq ($(shell $(PKG_CONFIG) --exists $(PKGS) 2>/dev/null && echo ok),ok)
$(error missing libraries ($(PKGS)): run 'apt-get install $(APT_PKGS)')
endif
endif

WARN = -std=c11 -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wpointer-arith -Wundef \
	-Wwrite-strings -Wvla -Wnull-dereference -Wno-unused-parameter
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS))
ALL_CFLAGS = $(CFLAGS) $(WARN) -pthread $(PKG_CFLAGS) -Iinclude -DMEDBILL_DATADIR='"$(DATADIR)"' $(EXTRA_CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -pthread $(EXTRA_LIBS)

B ?= build
LIB_SRC := $(sort $(shell find src -name '*.c' ! -path 'src/cli/main.c'))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o) $(B)/schema_sql.o $(B)/xsd_embed.o
MAIN_OBJ := $(B)/src/cli/main.o
SCHEMA := $(sort $(wildcard schema/[0-9][0-9][0-9][0-9]_*.sql))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(B)/bench/%)

BIN ?= medbill

all: $(BIN)

$(BIN): $(B)/libmedbill.a $(MAIN_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(B)/libmedbill.a $(LDLIBS_ALL)

$(B)/libmedbill.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The migrations, embedded as C strings in version order.
$(B)/schema_sql.c: $(SCHEMA) Makefile
	@mkdir -p $(B)
	@{ echo '/* generated from the schema migrations by make: do not edit */'; \
	  echo '#include <stddef.h>'; \
	  echo 'struct schema_migration { int version; const char *name; const char *sql; };'; \
	  echo 'extern const struct schema_migration schema_migrations[];'; \
	  echo 'extern const int schema_migrations_count;'; \
	  echo 'const struct schema_migration schema_migrations[] = {'; \
	  for f in $(SCHEMA); do \
	    n=$$(basename $$f .sql); v=$$(echo $$n | sed 's/_.*//; s/^0*//'); \
	    echo "{ $$v, \"$$n\","; \
	    sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$$/\\n"/' $$f; \
	    echo '},'; \
	  done; \
	  echo '{ 0, NULL, NULL } };'; \
	  echo 'const int schema_migrations_count = (int)(sizeof(schema_migrations) / sizeof(schema_migrations[0])) - 1;'; \
	} > $@.tmp && mv $@.tmp $@

$(B)/schema_sql.o: $(B)/schema_sql.c
	$(CC) $(CFLAGS) -std=c11 -c -o $@ $<

# The exchange format's XSD (schema/medbill.xsd), embedded as a C string.
$(B)/xsd_embed.c: schema/medbill.xsd Makefile
	@mkdir -p $(B)
	@{ echo '/* generated from schema/medbill.xsd by make: do not edit */'; \
	  echo 'extern const char xmlx_xsd[]; extern const unsigned long xmlx_xsd_len;'; \
	  echo 'const char xmlx_xsd[] ='; \
	  sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$$/\\n"/' schema/medbill.xsd; \
	  echo ';'; echo 'const unsigned long xmlx_xsd_len = sizeof(xmlx_xsd) - 1;'; \
	} > $@.tmp && mv $@.tmp $@

$(B)/xsd_embed.o: $(B)/xsd_embed.c
	$(CC) $(CFLAGS) -std=c11 -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(B)/libmedbill.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) -Itests/unit -o $@ $< \
		$(B)/libmedbill.a $(LDLIBS_ALL) $(shell $(PKG_CONFIG) --libs cmocka)

$(B)/bench/%: bench/%.c $(B)/libmedbill.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmedbill.a $(LDLIBS_ALL)

check-deps:
	@$(PKG_CONFIG) --exists cmocka || { echo "make: cmocka is missing: run 'apt-get install libcmocka-dev'" >&2; exit 1; }

check: check-deps $(BIN) $(TEST_BIN)
	@B=$(B) MEDBILL=$(CURDIR)/$(BIN) sh tests/run.sh

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan:
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) B=build-asan BIN=build-asan/medbill CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined' \
		LDFLAGS='-fsanitize=address,undefined' check

bench: $(BIN) $(BENCH_BIN)
	@B=$(B) MEDBILL=$(CURDIR)/$(BIN) sh bench/run.sh

run: medbill
	@if [ ! -f demo.db ]; then \
	  echo "creating demo.db with the demo practice..."; \
	  ./medbill --db demo.db init && ./medbill --db demo.db demo || { rm -f demo.db; exit 1; }; \
	  echo "loading the FY2023 ICD-10-CM and HCPCS 2019 code sets..."; \
	  ./medbill --db demo.db import icd10cm data/icd10cm_tabular_2023.xml.gz && \
	  ./medbill --db demo.db import hcpcs data/HCPC2019_CONTR_ANWEB.txt.gz || { rm -f demo.db; exit 1; }; \
	fi
	./medbill --db demo.db

install: medbill
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 755 medbill $(DESTDIR)$(BINDIR)/medbill
	install -m 644 doc/medbill.1 $(DESTDIR)$(MANDIR)/man1/medbill.1
	cp -R data/. $(DESTDIR)$(DATADIR)/
	install -m 644 NOTICE $(DESTDIR)$(DATADIR)/NOTICE
	install -m 644 schema/medbill.xsd $(DESTDIR)$(DATADIR)/medbill.xsd

clean:
	rm -rf build build-asan medbill

.PHONY: all check check-deps asan bench run install clean
-include $(shell find $(B) -name '*.d' 2>/dev/null)
