# Building, installing and testing Folio (Linux only). `make install PREFIX=~/.local` puts the
# binary, the man page, shell completions and the theme files where those tools look for them;
# `make deb` builds a Debian package of the same files (scripts/package).

PREFIX ?= /usr/local
CONFIGURATION ?= release
SWIFT ?= $(shell command -v swift || echo /opt/swift/usr/bin/swift)
BUILD_DIR := .build/$(CONFIGURATION)
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
SHAREDIR := $(DESTDIR)$(PREFIX)/share/folio
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
# A release binary carries the Swift runtime and Foundation inside (--static-swift-stdlib), so it
# needs only the distribution's own libraries and runs where no Swift toolchain is installed
# (scripts/test-package proves it with the toolchain hidden); with no $ORIGIN run path it loads
# them only from the system's library directories.
ifeq ($(CONFIGURATION),release)
STATIC_FLAGS := --static-swift-stdlib --disable-local-rpath
endif

.PHONY: all build install uninstall deb run test docs

all: build

build:
ifndef NO_BUILD
	$(SWIFT) build -c $(CONFIGURATION) $(STATIC_FLAGS) --product folio
endif

install: build
	install -d $(BINDIR) $(MANDIR) $(SHAREDIR)/themes $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BUILD_DIR)/folio $(BINDIR)/folio
	install -m 644 docs/folio.1 $(MANDIR)/folio.1
	install -m 644 Themes/*.theme $(SHAREDIR)/themes/
	$(BINDIR)/folio --generate-completion-script bash > $(BASHDIR)/folio
	$(BINDIR)/folio --generate-completion-script zsh > $(ZSHDIR)/_folio
	$(BINDIR)/folio --generate-completion-script fish > $(FISHDIR)/folio.fish

uninstall:
	rm -f $(BINDIR)/folio $(MANDIR)/folio.1 $(BASHDIR)/folio $(ZSHDIR)/_folio $(FISHDIR)/folio.fish
	rm -rf $(SHAREDIR)

deb:
	scripts/package

run:
	scripts/run

test:
	scripts/test

docs:
	scripts/generate-docs
