# Patient-education kiosk.  Plain GNU make; libraries found with pkg-config.
#
#   make          build ./kiosk
#   make run      install missing Debian packages (as root), build, run on
#                 ./kiosk.conf and ./content
#   make check    install missing Debian packages (as root), build, run every
#                 test (unit, layout fixtures, end-to-end through a pty)
#   make asan     the whole suite under AddressSanitizer + UBSan
#   make deps     install missing Debian packages, or print the apt-get line

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
SHAREDIR = $(PREFIX)/share/kiosk
LOCALEDIR = $(PREFIX)/share/locale
CONFDIR ?= /etc/kiosk
# The group that may read kiosk.conf (with its PIN hash) besides root.
KIOSK_GROUP ?= kiosk

VERSION = 0.1.0
CC     ?= cc
PKGS    = ncursesw libcmark-gfm yaml-0.1 inih libxcrypt libqrencode gumbo
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libc first, then libunistring: the dynamic loader looks a symbol up in
# the libraries in this order, and most lookups at start (about 1,200,
# half of them libunistring's own, as Debian links it with BIND_NOW) end
# in those two.  `kiosk --version` 1.42 -> 1.18 M instructions.
PKG_LIBS   := -lc -lunistring $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
# STATIC=1 links ncurses, cmark, libyaml, inih and libunistring into the
# binary (Debian ships their .a files): no dynamic symbol lookups for them,
# so every start is about 0.3 ms shorter (`kiosk --version` 1.5 -> 1.2 ms,
# 1.18 M -> 0.43 M instructions), but a security update of one of them then
# needs a rebuild of the kiosk.
ifeq ($(STATIC),1)
PKG_LIBS   := -Wl,-Bstatic -lncursesw -ltinfo -lcmark-gfm-extensions -lcmark-gfm -lyaml -linih -lgumbo \
              -lunistring -Wl,-Bdynamic -lcrypt -lqrencode -lm
endif
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN   += -Werror
endif
OPT    ?= -O2 -g
CFLAGS ?=
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DKIOSK_VERSION='"$(VERSION)"' \
             -DKIOSK_LOCALEDIR='"$(LOCALEDIR)"' $(WARN) $(OPT) $(SAN) \
             $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

BUILD ?= build
# Translations: po/LANG.po -> $(BUILD)/locale/LANG/LC_MESSAGES/kiosk.mo.
PO_LANGS := $(basename $(notdir $(wildcard po/*.po)))
MO_FILES := $(PO_LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/kiosk.mo)
# The program: ./kiosk for the normal build, $(BUILD)/kiosk for others
# (so a sanitizer build never replaces ./kiosk).
BIN   := $(if $(filter build,$(BUILD)),kiosk,$(BUILD)/kiosk)
SRCS  := $(sort $(wildcard src/*.c))
LIB_SRCS := $(filter-out src/main.c,$(SRCS))
LIB_OBJS := $(LIB_SRCS:src/%.c=$(BUILD)/%.o)
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/%)
PYTHON = /usr/bin/python3

# Debian packages: build, test and run dependencies.
DEB_PKGS = build-essential pkg-config gettext libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm \
           libgumbo-dev \
           libyaml-dev libinih-dev libunistring-dev libqrencode-dev libcrypt-dev \
           libcmocka-dev python3-pyte python3-pexpect python3-pytest tmux \
           ncurses-term openssh-server openssh-client zbar-tools python3-pil \
           clang libclang-rt-14-dev clang-tidy cppcheck valgrind \
           haproxy git iproute2
# Only for make bench: the programs it compares the kiosk with.
BENCH_PKGS = less lynx w3m linux-perf hyperfine

.PHONY: all run check unit layout-test e2e fleet-test asan bench deps install uninstall clean

all: $(BIN) $(MO_FILES)

$(BIN): $(BUILD)/main.o $(BUILD)/libkiosk.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/libkiosk.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/test_%.o: tests/unit/test_%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/test_%: $(BUILD)/test_%.o $(BUILD)/libkiosk.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS)

$(BUILD):
	mkdir -p $(BUILD)

run: deps kiosk translations
	./kiosk --config ./kiosk.conf

check: deps
	$(MAKE) $(BIN) $(MO_FILES)
	$(MAKE) po-check unit layout-test e2e

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; ./$$t; done

layout-test: $(BIN)
	$(PYTHON) tests/layout/run_fixtures.py ./$(BIN) tests/layout

e2e: $(BIN)
	cd tests/e2e && KIOSK_BIN=$(abspath $(BIN)) $(PYTHON) -m pytest -q -p no:cacheprovider .

# Three kiosk SSH hosts behind HAProxy, content from git (tests/fleet/,
# docs/deploy-fleet.md): as root, about a minute.
fleet-test: $(BIN)
	cd tests/fleet && KIOSK_BIN=$(abspath $(BIN)) $(PYTHON) -m pytest -q -rs -p no:cacheprovider .

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, in a
# separate build folder so it never mixes with the normal objects.
asan: deps
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(abspath tests/e2e/lsan.supp):print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build/asan OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' \
	  build/asan/kiosk translations unit layout-test e2e

# Speed, bytes and memory figures against less, lynx and w3m (bench/).
bench: deps $(BIN) $(BUILD)/search_bench
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(BENCH_PKGS)"
	$(PYTHON) bench/run.py --kiosk ./$(BIN) --search-bench $(BUILD)/search_bench

# The search index timed in process (bench/search_bench.c).
$(BUILD)/search_bench: bench/search_bench.c $(BUILD)/libkiosk.a
	$(CC) $(ALL_CFLAGS) -Isrc $(ALL_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(PKG_LIBS)

deps:
	@missing=$$(for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing: $$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "Missing Debian packages. Run as root:"; \
	  echo "  apt-get install -y $$missing"; \
	  exit 1; \
	fi

install: kiosk translations
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(CONFDIR)
	install -m 755 kiosk $(DESTDIR)$(BINDIR)/kiosk
	install -m 644 docs/kiosk.1 $(DESTDIR)$(MANDIR)/kiosk.1
	cp -R content $(DESTDIR)$(SHAREDIR)/
	sed 's|^content *=.*|content = $(SHAREDIR)/content|' kiosk.conf > $(DESTDIR)$(SHAREDIR)/kiosk.conf.example
	for l in $(PO_LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/kiosk.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kiosk.mo; \
	done
	[ -e $(DESTDIR)$(CONFDIR)/kiosk.conf ] || install -m 600 $(DESTDIR)$(SHAREDIR)/kiosk.conf.example $(DESTDIR)$(CONFDIR)/kiosk.conf
	@# kiosk.conf holds the staff PIN's hash: root and the kiosk's group
	@# ($(KIOSK_GROUP), made by deploy/console/install.sh) read it, nobody else.
	chmod o-rwx $(DESTDIR)$(CONFDIR)/kiosk.conf
	if getent group $(KIOSK_GROUP) >/dev/null; then \
	  chgrp $(KIOSK_GROUP) $(DESTDIR)$(CONFDIR)/kiosk.conf && chmod 640 $(DESTDIR)$(CONFDIR)/kiosk.conf; \
	else echo "note: no group $(KIOSK_GROUP) yet: $(CONFDIR)/kiosk.conf is root's alone (0600) until deploy/console/install.sh"; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kiosk $(DESTDIR)$(MANDIR)/kiosk.1
	for l in $(PO_LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kiosk.mo; done
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build kiosk

# ---------------------------------------------------------------------------
# Translations (GNU gettext; docs/translating.md).
#
#   make pot        po/kiosk.pot from the messages marked _() and N_()
#   make po-update  po/kiosk.pot, then each po/LANG.po merged with it
#   make po-check   fails when a catalogue lacks a message of the code or
#                   has untranslated or fuzzy ones (part of make check)
#   make translations  build/locale/LANG/LC_MESSAGES/kiosk.mo (make does)
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C -k_ -kN_ \
                 --add-comments=TRANSLATORS: --package-name=kiosk \
                 --package-version=$(VERSION) --msgid-bugs-address=docs/translating.md --sort-by-file

.PHONY: translations pot po-update po-check
translations: $(MO_FILES)

$(BUILD)/locale/%/LC_MESSAGES/kiosk.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot:
	xgettext $(XGETTEXT_FLAGS) -o po/kiosk.pot $(SRCS)

po-update: pot
	for l in $(PO_LANGS); do msgmerge --quiet --update --backup=none po/$$l.po po/kiosk.pot; done

# A catalogue passes when, merged with the messages the code has now, no
# message is untranslated or fuzzy.
po-check: | $(BUILD)
	@xgettext $(XGETTEXT_FLAGS) -o $(BUILD)/kiosk.pot $(SRCS)
	@set -e; for l in $(PO_LANGS); do \
	  msgmerge --quiet --no-fuzzy-matching -o $(BUILD)/$$l.merged.po po/$$l.po $(BUILD)/kiosk.pot; \
	  stats=$$(LC_ALL=C msgfmt --check --statistics -o /dev/null $(BUILD)/$$l.merged.po 2>&1); \
	  echo "po/$$l.po: $$stats"; \
	  case "$$stats" in *untranslated*|*fuzzy*) \
	    echo "po/$$l.po: translate the messages above (make po-update, then edit po/$$l.po)"; exit 1;; esac; \
	done

# ---------------------------------------------------------------------------
# Hardening: fuzzing, static analysis, leak checks.
#
#   make fuzz [FUZZ_SECONDS=30]   build the libFuzzer targets (tests/fuzz/)
#                                 with clang into build/fuzz/, replay
#                                 tests/fuzz/regressions/*, then run each
#                                 target for FUZZ_SECONDS; crash files go to
#                                 build/fuzz/ (FUZZ_TARGETS=... to pick some)
#   make lint                     cppcheck and clang-tidy (.clang-tidy) on
#                                 src/; fails on any finding
#   make leakcheck                the end-to-end path and --render of every
#                                 bundled article under valgrind memcheck
# ---------------------------------------------------------------------------
.PHONY: fuzz fuzz-build fuzz-regress lint leakcheck

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_BUILD    = build/fuzz
FUZZ_TARGETS ?= frontmatter article plaintext glossary layout config html search app
FUZZ_BINS     = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                -DKIOSK_VERSION='"$(VERSION)"' -g -O1 -fno-omit-frame-pointer \
                $(FUZZ_SAN) $(PKG_CFLAGS) -MMD -MP
FUZZ_LIB_OBJS = $(LIB_SRCS:src/%.c=$(FUZZ_BUILD)/obj/%.o)
# Largest input: 64 KiB for documents, 16 KiB for config and HTML (see the
# case in the recipe); each target has a dictionary in tests/fuzz/.
FUZZ_OPTS     = -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_ENV      = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(FUZZ_BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# fuzz_app runs the whole loop: its poll, clock and napms are wrapped at
# link time (see tests/fuzz/fuzz_app.c), so no code of the kiosk changes.
FUZZ_LDEXTRA_app = -Wl,--wrap=poll,--wrap=clock_gettime,--wrap=napms -lpthread

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_LIB_OBJS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(WARN) -iquote src -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJS) $(PKG_LIBS) $(FUZZ_LDEXTRA_$*)

# (The objects are named here too, so make keeps them: files met only in a
# pattern rule's prerequisites are intermediate and deleted.)
fuzz-build: $(FUZZ_LIB_OBJS) $(FUZZ_BINS)

# Every saved crash input, replayed once by its target (libFuzzer runs file
# arguments without fuzzing): a regression test once the bug is fixed.
fuzz-regress: fuzz-build
	@set -e; n=0; for f in tests/fuzz/regressions/*; do \
	  [ -f "$$f" ] || continue; \
	  t=$${f##*/}; t=$${t%%-*}; \
	  case " $(FUZZ_TARGETS) " in *" $$t "*) ;; *) continue;; esac; \
	  echo "== replay $$f"; \
	  $(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t -timeout=10 -rss_limit_mb=2048 \
	    "$$f" >$(FUZZ_BUILD)/replay.log 2>&1 \
	    || { cat $(FUZZ_BUILD)/replay.log; echo "FAILED: $$f"; exit 1; }; \
	  n=$$((n + 1)); \
	done; echo "fuzz: $$n regression inputs replayed"

fuzz: fuzz-regress
	@set -e; for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS)s"; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  case $$t in config|html|search) max=16384;; app) max=8192;; *) max=65536;; esac; \
	  case $$t in article|layout|plaintext) dict=markdown;; *) dict=$$t;; esac; \
	  $(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_OPTS) \
	    -dict=tests/fuzz/$$dict.dict -max_len=$$max \
	    -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_BUILD)/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t \
	    >$(FUZZ_BUILD)/$$t.log 2>&1 \
	    || { tail -n 60 $(FUZZ_BUILD)/$$t.log; \
	         echo "FAILED: fuzz_$$t; crash input in $(FUZZ_BUILD)/$$t-*"; exit 1; }; \
	  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' $(FUZZ_BUILD)/$$t.log || true; \
	done

-include $(wildcard $(FUZZ_BUILD)/obj/*.d $(FUZZ_BUILD)/*.d)

# Static analysis.  cppcheck: reviewed false positives in
# .cppcheck-suppressions.  clang-tidy: checks in .clang-tidy, reviewed false
# positives in .clang-tidy-suppressions (tests/lint/clang_tidy.py runs one
# file per process and fails on anything not listed).
LINT_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
              -DKIOSK_VERSION='"$(VERSION)"' $(PKG_CFLAGS)
# Both tools always run; the target fails if either found something.
lint:
	@st=0; echo "== cppcheck"; \
	cppcheck --quiet --std=c11 --enable=warning,performance,portability \
	  --error-exitcode=1 --inline-suppr \
	  --suppressions-list=.cppcheck-suppressions \
	  -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DKIOSK_VERSION='"$(VERSION)"' \
	  src/ || st=1; \
	echo "== clang-tidy"; \
	$(PYTHON) tests/lint/clang_tidy.py $(SRCS) -- $(LINT_CFLAGS) || st=1; \
	exit $$st

# valgrind memcheck through a pty: start, open articles, a term, the
# glossary pane, resize, help, quit; then --render of each bundled article.
leakcheck: $(BIN)
	$(PYTHON) tests/e2e/leakcheck.py ./$(BIN)

-include $(wildcard $(BUILD)/*.d)
