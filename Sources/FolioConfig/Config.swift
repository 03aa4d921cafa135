import Foundation

/// The user's settings from `$XDG_CONFIG_HOME/folio/config.toml`. Every key is optional;
/// what is missing or wrong falls back to the default.
public struct Config: Hashable, Sendable {
  /// When the reader marks a paper read.
  public enum MarkRead: Hashable, Sendable {
    /// Only when opened with Enter.
    case onOpen
    /// When opened, or after it stays selected this many seconds.
    case after(Double)
    /// Only with `r`.
    case never
  }

  /// What the reader shows first.
  public enum DefaultView: Hashable, Sendable {
    case today
    case allDays
    /// All days, filtered to a topic.
    case topic(String)
  }

  /// Columns the reader's list can show besides the title.
  public static let listColumnNames = ["unread", "star", "topics", "day", "upvotes", "tags"]

  /// The values `for_you_days` accepts: a day to a year, so the For you view scores at most a
  /// year of listings.
  public static let forYouDaysRange = 1...365

  /// A key binding from the `[keys]` table.
  public struct KeyBinding: Hashable, Sendable {
    public var action: String
    public var keys: [String]
    public var line: Int?
  }

  /// A theme name or a path to a `.theme` file; nil for `default`.
  public var theme: String?
  public var markRead: MarkRead = .after(2)
  public var mouse = true
  public var defaultView = DefaultView.today
  /// Where `e` in the reader exports starred papers; `~` and `{date}` are expanded.
  public var exportPath = "~/folio-starred.md"
  /// The arXiv categories `folio fetch` reads.
  public var arxivCategories = ["cs.LG", "cs.CL", "cs.CV", "cs.AI"]
  /// Scheme and host of the Hugging Face API.
  public var hfBaseURL = "https://huggingface.co"
  /// Scheme and host of arXiv's RSS feeds.
  public var arxivBaseURL = "https://rss.arxiv.org"
  /// The largest HTTP answer a fetch accepts, in megabytes after decompression (1...4096).
  public var httpMaxMB = 64
  /// Scheme and host of arXiv's PDFs (`folio pdf`).
  public var arxivPDFBaseURL = "https://arxiv.org"
  /// The largest PDF `folio pdf` downloads, in megabytes (1...4096).
  public var pdfMaxMB = 200
  /// Where the Zotero desktop app's connector listens (`folio zotero`, the reader's `Z`).
  public var zoteroURL = "http://127.0.0.1:23119"
  /// Scheme and host of the Semantic Scholar Graph API (`folio enrich`).
  public var s2URL = "https://api.semanticscholar.org"
  /// The folder `folio sync` keeps the change logs in (a git work tree or a folder Syncthing,
  /// Dropbox or Nextcloud keeps in step); nil when sync is off. `~` is the home directory.
  public var syncDir: String?
  /// Minutes between the reader's background syncs (0: only at start and after `R`).
  public var syncInterval = 0
  /// The values `sync_interval` accepts, in minutes: up to a day.
  public static let syncIntervalRange = 0...1440
  /// How the reader shows days (see FolioCore's DayFormat); nil for ISO.
  public var dateFormat: String?
  /// How many days back the reader's For you view looks (``forYouDaysRange``).
  public var forYouDays = 7
  /// The list's columns besides the title (from ``listColumnNames``).
  public var listColumns = ["unread", "star", "topics", "day"]
  /// `[keys] preset`: `vim` or `emacs`; nil for vim.
  public var keyPreset: String?
  /// `[keys]` bindings, in file order.
  public var keyBindings: [KeyBinding] = []

  public init() {}

  /// `$XDG_CONFIG_HOME/folio/config.toml`, or `~/.config/folio/config.toml`.
  public static func path(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return xdg + "/folio/config.toml"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.config/folio/config.toml"
  }
}
