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
CONFDIR ?= /etc/kiosk

VERSION = 0.1.0
CC     ?= cc
PKGS    = ncursesw libcmark yaml-0.1 inih libxcrypt
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lunistring -lm
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
             -DKIOSK_VERSION='"$(VERSION)"' $(WARN) $(OPT) $(SAN) \
             $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

BUILD ?= build
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
DEB_PKGS = build-essential pkg-config libncurses-dev libcmark-dev cmark \
           libyaml-dev libinih-dev libunistring-dev libqrencode-dev libcrypt-dev \
           libcmocka-dev python3-pyte python3-pexpect python3-pytest tmux \
           ncurses-term

.PHONY: all run check unit layout-test e2e asan bench deps install uninstall clean

all: $(BIN)

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

run: deps kiosk
	./kiosk --config ./kiosk.conf

check: deps
	$(MAKE) $(BIN)
	$(MAKE) unit layout-test e2e

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; ./$$t; done

layout-test: $(BIN)
	$(PYTHON) tests/layout/run_fixtures.py ./$(BIN) tests/layout

e2e: $(BIN)
	cd tests/e2e && KIOSK_BIN=$(abspath $(BIN)) $(PYTHON) -m pytest -q -p no:cacheprovider .

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, in a
# separate build folder so it never mixes with the normal objects.
asan: deps
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(abspath tests/e2e/lsan.supp) \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build/asan OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' \
	  build/asan/kiosk unit layout-test e2e

# Speed, bytes and memory figures against less, lynx and w3m (bench/).
bench: deps $(BIN)
	$(PYTHON) bench/run.py --kiosk ./$(BIN)

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

install: kiosk
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(CONFDIR)
	install -m 755 kiosk $(DESTDIR)$(BINDIR)/kiosk
	install -m 644 docs/kiosk.1 $(DESTDIR)$(MANDIR)/kiosk.1
	cp -R content $(DESTDIR)$(SHAREDIR)/
	sed 's|^content *=.*|content = $(SHAREDIR)/content|' kiosk.conf > $(DESTDIR)$(SHAREDIR)/kiosk.conf.example
	[ -e $(DESTDIR)$(CONFDIR)/kiosk.conf ] || install -m 644 $(DESTDIR)$(SHAREDIR)/kiosk.conf.example $(DESTDIR)$(CONFDIR)/kiosk.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kiosk $(DESTDIR)$(MANDIR)/kiosk.1
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build kiosk

-include $(wildcard $(BUILD)/*.d)
