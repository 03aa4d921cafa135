# Building, installing and testing Folio. `make install PREFIX=~/.local` puts the binary, the
# man page, shell completions and the theme files where those tools look for them.

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

.PHONY: all build install uninstall run test docs

all: build

build:
ifndef NO_BUILD
	$(SWIFT) build -c $(CONFIGURATION) --product folio
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

run:
	scripts/run

test:
	scripts/test

docs:
	scripts/generate-docs
