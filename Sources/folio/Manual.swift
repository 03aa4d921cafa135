import FolioCore
import FolioReader

/// The man page's KEYS, ENVIRONMENT, FILES and EXIT STATUS sections, made from the same tables
/// the program uses (the reader's keymap and action summaries, the exit codes), so the page
/// cannot drift from the binary. `scripts/generate-docs` appends ``mdoc`` to the page the
/// argument parser generates; a test checks that docs/folio.1 holds it as the binary prints it.
enum Manual {
  /// The environment variables Folio reads, and what for.
  static let environment: [(name: String, meaning: String)] = [
    ("FOLIO_DB", "The library file, when --db is not given."),
    ("FOLIO_THEME", "The colour theme, over config.toml's theme (--theme wins)."),
    ("FOLIO_HF_URL, FOLIO_ARXIV_URL", "Base URLs for fetch (and arXiv PDFs), over config.toml's."),
    ("FOLIO_S2_URL", "Where folio enrich asks Semantic Scholar, over config.toml's s2_url."),
    ("S2_API_KEY", "A Semantic Scholar API key, sent as x-api-key; without one, 1 request/s."),
    ("FOLIO_PDF_VIEWER", "The program that opens PDFs (fallback $BROWSER, then xdg-open)."),
    ("FOLIO_PDF_MAX_MB", "The largest PDF folio pdf accepts, in megabytes (over pdf_max_mb)."),
    (
      "FOLIO_ZOTERO_URL",
      "The Zotero connector folio zotero sends to, over config.toml's zotero_url."
    ),
    ("FOLIO_HTTP_TIMEOUT", "Seconds one fetch request may take in all (default 60)."),
    ("FOLIO_FETCH_TIMEOUT", "Seconds a whole fetch may take (default 300)."),
    (
      "FOLIO_HTTP_MAX_MB",
      "The largest answer a fetch accepts, in megabytes after decompression (over http_max_mb)."
    ),
    (
      "XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME",
      "Where the library, the settings, the log and the PDFs live (default under HOME)."
    ),
    ("VISUAL, EDITOR", "The editor for notes (fallback vi)."),
    ("BROWSER", "The program that opens links (fallback xdg-open)."),
    ("NO_COLOR", "When set, draw with attributes only, no colours."),
    ("TERM, COLORTERM", "How many colours the terminal has."),
    ("COLUMNS", "The width of list and topics tables written to a pipe or file."),
    ("TMPDIR", "Where import - keeps standard input while it reads it (fallback /tmp)."),
  ]

  /// The files Folio reads and writes.
  static let files: [(path: String, meaning: String)] = [
    ("$XDG_DATA_HOME/folio/folio.sqlite", "The library (~/.local/share/folio/folio.sqlite)."),
    (
      "$XDG_CONFIG_HOME/folio/config.toml",
      "Settings (~/.config/folio/config.toml); folio config checks it, folio config --init writes one."
    ),
    (
      "$XDG_CONFIG_HOME/folio/topics.toml",
      "Topics: a [topics] table of name = \"query\"; folio topics add/remove and the reader's + edit it in place."
    ),
    ("$XDG_CONFIG_HOME/folio/themes/*.theme", "Colour themes of your own."),
    (
      "$XDG_DATA_DIRS/folio/themes/*.theme",
      "Installed themes (/usr/share/folio/themes); they add themes, never replace a built-in one."
    ),
    ("$XDG_STATE_HOME/folio/folio.log", "Warnings and errors (~/.local/state/folio/folio.log)."),
    (
      "SYNC_DIR/DEVICE.jsonl",
      "This library's change log in the sync folder (folio sync, config.toml sync_dir); the other devices' logs there are read."
    ),
    (
      "$XDG_STATE_HOME/folio/notes/",
      "A note's text when it could not be saved on its paper (the message names the file)."
    ),
  ]

  /// Every exit status, as sysexits.h names them.
  static let exitStatuses: [(code: Int32, meaning: String)] = [
    (0, "Success."),
    (
      1,
      "No paper has the id given (no topic the name, for topics remove), or the editor or browser could not be run."
    ),
    (SysExit.usage, "Usage error: an unknown command or option, a bad value."),
    (
      SysExit.dataError,
      "Bad data: a file that cannot be imported, a bad query or topic, problems in config.toml, topics.toml or a theme, a bad line in a sync log, a damaged library."
    ),
    (SysExit.noInput, "An input file is missing or cannot be read."),
    (
      SysExit.unavailable,
      "A source cannot be reached (fetch), or a sync's git remote (the changes go next time)."
    ),
    (SysExit.cannotCreate, "A file or the library cannot be created."),
    (SysExit.ioError, "Reading or writing failed, or the library is read-only."),
    (
      SysExit.temporaryFailure,
      "The reader ended with changes it could not save (the library stayed busy); stderr names them."
    ),
  ]

  /// One line for `folio --help`.
  static var exitStatusSummary: String {
    "Exit status: "
      + exitStatuses.map { "\($0.code) \(shortMeaning($0.code))" }.joined(
        separator: ", ") + "."
  }

  private static func shortMeaning(_ code: Int32) -> String {
    switch code {
    case 0: "success"
    case 1: "unknown paper"
    case SysExit.usage: "usage"
    case SysExit.dataError: "bad data"
    case SysExit.noInput: "no input"
    case SysExit.unavailable: "unavailable"
    case SysExit.cannotCreate: "cannot create"
    case SysExit.ioError: "I/O error"
    case SysExit.temporaryFailure: "not saved"
    default: "error"
    }
  }

  /// The four sections as mdoc.
  static var mdoc: String {
    var lines = [".Sh KEYS"]
    lines.append(
      "The reader's default keys, from its action table. Each key applies in the contexts named "
        + "after it: list, detail (the detail pane), reading (the full-screen view), help, "
        + "help-filter (typing after / in the help), search-line, topic-picker, export-format, "
        + "export-path, confirmation and palette; the same key may mean different things in "
        + "different contexts. In the search line, the palette and the other places where text "
        + "is typed, printable keys are text. In config.toml, [keys] preset = \"emacs\" "
        + "switches to Emacs movement (there Ctrl-p is up, so only : opens the palette), and "
        + "action = [\"key\", ...] rebinds an action (the name in parentheses) in every context "
        + "where it applies; folio config reports conflicts per context.")
    lines.append(".Bl -tag -width 12n -compact")
    for row in ActionTable.rows {
      let names = row.keys.map { "\\&" + escape($0.description) }
      lines.append(
        ".It " + (names.isEmpty ? "(unbound)" : "Cm " + names.joined(separator: " , ")))
      lines.append(
        "\\&" + escape(row.help) + " (" + escape(row.action.rawValue) + "; "
          + escape(ActionTable.whereText(row)) + ")")
    }
    lines += [".El", ".Sh ENVIRONMENT", ".Bl -tag -width 6n"]
    for (name, meaning) in environment {
      lines += [".It Ev " + name, "\\&" + escape(meaning)]
    }
    lines += [".El", ".Sh FILES", ".Bl -tag -width 6n"]
    for (path, meaning) in files {
      lines += [".It Pa " + escape(path), "\\&" + escape(meaning)]
    }
    lines += [
      ".El", ".Sh \"EXIT STATUS\"",
      "Errors are one line on standard error: folio: error: and the message.",
      ".Bl -tag -width 6n",
    ]
    for (code, meaning) in exitStatuses {
      lines += [".It \(code)", "\\&" + escape(meaning)]
    }
    lines.append(".El")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` safe in an mdoc line: a backslash is `\e`, a double quote `\(dq`.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "\"", with: "\\(dq")
  }
}
