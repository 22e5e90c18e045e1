# TVET Observatory - build, test, demo.
#
#   make            build build/tvet (runs the dependency check first)
#   make check      unit, integration and browser tests (tests/run.sh); ends
#                   with "N passed, N failed"
#   make demo       build, create demo.db with the demo city and demo accounts,
#                   start the web system (Ctrl-C stops it)
#   make bench      init, demo, imports against sqlite3 .import, plan status,
#                   one formula against hand-written SQL, the API against nginx,
#                   the composite index against NumPy (bench/*.sh)
#   make SANITIZE=1 check    the same suite under ASan + UBSan (CI does this)
#
# The library (every module but cli/) goes into libtvet.a; the program and
# each unit test (tests/unit/test_<module>.c, cmocka) link against it.
# Module dependencies point one way: core <- store, calc, text, talent <- ingest,
# demo, monitor <- report, http, cli.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
CC        ?= cc
PKGS      := sqlite3 jansson libsodium libzip expat xlsxwriter libmicrohttpd

ifeq ($(SANITIZE),1)
B         ?= build/asan
SANFLAGS  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT       := -O1 -g
else
B         ?= build
SANFLAGS  :=
OPT       ?= -O2 -g
endif

WARN      := -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wformat=2 -Wwrite-strings \
             -Werror=implicit-function-declaration
ifeq ($(WERROR),1)
WARN      += -Werror
endif

# Where the program finds data/ and its message catalogues, compiled in.
# The build tree's program uses the tree itself; `make install` builds a
# separate program (build/install/) that uses $(PREFIX)/share. TVET_DATA
# and TVET_LOCALEDIR in the environment override both. VENDORDIR holds the
# npm packages the dashboard loads (ECharts, served as /vendor/...;
# TVET_VENDOR overrides it).
DATADIR   ?= $(CURDIR)/data
WEBDIR    ?= $(CURDIR)/web
LOCALEDIR ?= $(CURDIR)/build/locale
VENDORDIR ?= $(CURDIR)/node_modules

CPPFLAGS  += -Isrc -I$(B)/gen -D_GNU_SOURCE \
             -DTVET_VERSION='"$(VERSION)"' -DTVET_DATADIR='"$(DATADIR)"' \
             -DTVET_WEBDIR='"$(WEBDIR)"' -DTVET_LOCALEDIR='"$(LOCALEDIR)"' \
             -DTVET_VENDORDIR='"$(VENDORDIR)"'
# Recursive (=) on purpose: expanded when a recipe runs, i.e. after the
# deps step has installed pkg-config and the libraries on a fresh machine.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS    += $(OPT) $(WARN) $(SANFLAGS) $(PKG_CFLAGS)
LDFLAGS   += $(SANFLAGS)
LDLIBS    += $(PKG_LIBS) -lm -lpthread

LIB_SRC   := $(wildcard src/core/*.c src/store/*.c src/ingest/*.c src/calc/*.c src/monitor/*.c \
             src/auth/*.c src/http/*.c \
             src/text/*.c src/talent/*.c src/demo/*.c src/report/*.c)
CLI_SRC   := $(wildcard src/cli/*.c)
MIGRATIONS := $(sort $(wildcard src/store/migrations/sqlite/*.sql))
GEN_SRC   := $(B)/gen/migrations_sqlite.c
LIB_OBJ   := $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/gen/migrations_sqlite.o
CLI_OBJ   := $(CLI_SRC:src/%.c=$(B)/obj/%.o)
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
PO        := $(wildcard po/*.po)
MO        := $(PO:po/%.po=build/locale/%/LC_MESSAGES/tvet.mo)

.PHONY: all deps check unit demo bench clean install fmt
all: deps $(B)/tvet $(MO)

deps:
	@sh scripts/deps.sh

$(B)/tvet: $(CLI_OBJ) $(B)/libtvet.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libtvet.a $(LDLIBS)

$(B)/libtvet.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The migrations are compiled into the program, so a deployed binary needs
# no schema files beside it.
$(GEN_SRC): $(MIGRATIONS) scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-migrations.sh $(MIGRATIONS) > $@

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(B)/tests/%: tests/unit/%.c tests/unit/testlib.h $(B)/libtvet.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests -o $@ $< $(B)/libtvet.a $(LDLIBS) -lcmocka

build/locale/%/LC_MESSAGES/tvet.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

unit: all $(UNIT_BIN)

check: all $(UNIT_BIN)
	@sh tests/run.sh $(B)

demo: all
	sh scripts/demo.sh

bench: all
	sh bench/run.sh
	TVET=$(B)/tvet sh bench/plan.sh
	TVET=$(B)/tvet sh bench/http.sh
	TVET=$(B)/tvet sh bench/index.sh

# The dashboard's ECharts goes from node_modules/ (npm ci) to
# share/tvet/vendor/, with its licence, beside web/.
install: all
	$(MAKE) B=build/install DATADIR=$(PREFIX)/share/tvet/data \
		WEBDIR=$(PREFIX)/share/tvet/web LOCALEDIR=$(PREFIX)/share/locale \
		VENDORDIR=$(PREFIX)/share/tvet/vendor build/install/tvet
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tvet
	install -m 755 build/install/tvet $(DESTDIR)$(PREFIX)/bin/tvet
	cp -R data web $(DESTDIR)$(PREFIX)/share/tvet/
	install -D -m 644 node_modules/echarts/dist/echarts.min.js \
		$(DESTDIR)$(PREFIX)/share/tvet/vendor/echarts/dist/echarts.min.js
	install -m 644 node_modules/echarts/LICENSE node_modules/echarts/NOTICE \
		$(DESTDIR)$(PREFIX)/share/tvet/vendor/echarts/
	for mo in $(MO); do l=$${mo#build/locale/}; \
		install -D -m 644 $$mo $(DESTDIR)$(PREFIX)/share/locale/$$l; done

fmt:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(wildcard src/*/*.h) $(UNIT_SRC)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
