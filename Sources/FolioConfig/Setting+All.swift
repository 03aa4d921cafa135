import TOMLKit

extension Setting {
  /// Every top-level setting, in the order the template and docs/guide.md list them. The
  /// `[keys]` table is not here: its entries are actions, checked against the keymap.
  static let all: [Setting] = [
    Setting(
      key: "theme",
      doc: "Colour theme: a name from `folio themes`, or the path of a .theme file.",
      rule: "must be a theme name or a path in quotes",
      value: { .string($0.theme ?? "default") },
      apply: { value, config in
        guard let name = value.string, !name.isEmpty else { return "" }
        config.theme = name
        return nil
      }),
    Setting(
      key: "mark_read",
      doc: """
        When a paper is marked read: after it stays selected this many seconds, "open" (only
        when read full screen with Enter), or "never" (only with r).
        """,
      rule: "must be \"open\", \"never\" or a number of seconds",
      value: {
        switch $0.markRead {
        case .onOpen: .string("open")
        case .never: .string("never")
        case .after(let seconds): .number(seconds)
        }
      },
      apply: { value, config in
        if let seconds = value.double ?? value.int.map(Double.init), seconds > 0 {
          config.markRead = .after(seconds)
        } else if value.string == "open" {
          config.markRead = .onOpen
        } else if value.string == "never" {
          config.markRead = .never
        } else {
          return ""
        }
        return nil
      }),
    Setting(
      key: "default_view",
      doc:
        "What the reader opens on: \"today\" (the newest listing day), \"all\", or a topic name.",
      rule: "must be \"today\", \"all\" or a topic name",
      value: {
        switch $0.defaultView {
        case .today: .string("today")
        case .allDays: .string("all")
        case .topic(let name): .string(name)
        }
      },
      apply: { value, config in
        switch value.string {
        case "today": config.defaultView = .today
        case "all": config.defaultView = .allDays
        case .some(let name) where !name.isEmpty: config.defaultView = .topic(name)
        default: return ""
        }
        return nil
      }),
    Setting(
      key: "list_columns",
      doc: "The list's columns besides the title: "
        + Config.listColumnNames.joined(separator: ", ") + ".",
      rule: "must list some of " + Config.listColumnNames.joined(separator: ", "),
      namesDefault: false,
      value: { .strings($0.listColumns) },
      apply: { value, config in
        let names = value.array?.compactMap { $0.string } ?? []
        let unknown = names.filter { !Config.listColumnNames.contains($0) }
        guard let array = value.array, names.count == array.count, unknown.isEmpty else {
          return unknown.isEmpty ? "" : " (not \(unknown.joined(separator: ", ")))"
        }
        config.listColumns = names
        return nil
      }),
    Setting(
      key: "date_format",
      doc: "How days are shown: %Y %y %m %d %e %b %B %a %A (e.g. \"%a %e %b\").",
      rule: "must be a pattern in quotes, like \"%d %b\"",
      value: { .string($0.dateFormat ?? "%Y-%m-%d") },
      apply: { value, config in
        guard let pattern = value.string, !pattern.isEmpty else { return "" }
        config.dateFormat = pattern
        return nil
      }),
    Setting(
      key: "mouse",
      doc: "false leaves the mouse to the terminal (for selecting text).",
      rule: "must be true or false",
      value: { .bool($0.mouse) },
      apply: { value, config in
        guard let flag = value.bool else { return "" }
        config.mouse = flag
        return nil
      }),
    Setting(
      key: "export_path",
      doc: "Where `e` exports starred papers; ~ and {date} are expanded.",
      rule: "must be a path in quotes",
      value: { .string($0.exportPath) },
      apply: { value, config in
        guard let path = value.string, !path.isEmpty else { return "" }
        config.exportPath = path
        return nil
      }),
    Setting(
      key: "arxiv_categories",
      doc: "The arXiv categories `folio fetch` reads.",
      rule: "must be a list of category names, like [\"cs.LG\"]",
      namesDefault: false,
      value: { .strings($0.arxivCategories) },
      apply: { value, config in
        let categories = value.array?.compactMap { $0.string } ?? []
        guard !categories.isEmpty, categories.count == value.array?.count else { return "" }
        config.arxivCategories = categories
        return nil
      }),
    url(
      "hf_base_url", doc: "Where `folio fetch` asks Hugging Face for daily papers.",
      \.hfBaseURL),
    url("arxiv_base_url", doc: "Where `folio fetch` reads arXiv's RSS feeds.", \.arxivBaseURL),
    Setting(
      key: "http_max_mb",
      doc: "The largest answer a fetch accepts, in megabytes (after decompression); 1 to 4096.",
      rule: "must be a whole number of megabytes from 1 to 4096",
      value: { .integer($0.httpMaxMB) },
      apply: { value, config in
        guard let megabytes = value.int, (1...4096).contains(megabytes) else { return "" }
        config.httpMaxMB = megabytes
        return nil
      }),
    url(
      "arxiv_pdf_base_url", doc: "Where `folio pdf` downloads arXiv's PDFs (scheme and host).",
      \.arxivPDFBaseURL),
    Setting(
      key: "pdf_max_mb",
      doc: "The largest PDF `folio pdf` downloads, in megabytes; 1 to 4096.",
      rule: "must be a whole number of megabytes from 1 to 4096",
      value: { .integer($0.pdfMaxMB) },
      apply: { value, config in
        guard let megabytes = value.int, (1...4096).contains(megabytes) else { return "" }
        config.pdfMaxMB = megabytes
        return nil
      }),
    url(
      "zotero_url", doc: "Where the Zotero desktop app's connector listens (`folio zotero`).",
      \.zoteroURL),
    url(
      "s2_url", doc: "Where `folio enrich` asks Semantic Scholar (scheme and host).", \.s2URL),
    Setting(
      key: "sync_dir",
      doc: """
        The folder `folio sync` keeps each device's change log in (a git work tree, or a folder
        Syncthing, Dropbox or Nextcloud keeps in step); "" for no sync.
        """,
      rule: "must be a folder's path in quotes (\"\" for none)",
      namesDefault: false,
      value: { .string($0.syncDir ?? "") },
      apply: { value, config in
        guard let path = value.string else { return "" }
        config.syncDir = path.isEmpty ? nil : path
        return nil
      }),
    Setting(
      key: "sync_interval",
      doc: """
        Minutes between the reader's background syncs when sync_dir is set; 0 syncs only
        when it starts and after R.
        """,
      rule: "must be a whole number of minutes from 0 to 1440",
      value: { .integer($0.syncInterval) },
      apply: { value, config in
        guard let minutes = value.int, Config.syncIntervalRange.contains(minutes) else {
          return ""
        }
        config.syncInterval = minutes
        return nil
      }),
    Setting(
      key: "for_you_days",
      doc: "How many days back the For you view looks for unread papers; 1 to 365.",
      rule: "must be a whole number of days from 1 to 365",
      value: { .integer($0.forYouDays) },
      apply: { value, config in
        guard let days = value.int, Config.forYouDaysRange.contains(days) else { return "" }
        config.forYouDays = days
        return nil
      }),
  ]

  /// A scheme and host, stored at `path`.
  private static func url(
    _ key: String, doc: String, _ path: WritableKeyPath<Config, String> & Sendable
  ) -> Setting {
    Setting(
      key: key, doc: doc, rule: "must be an http(s) URL in quotes", namesDefault: false,
      value: { .string($0[keyPath: path]) },
      apply: { value, config in
        guard let url = value.string, url.hasPrefix("https://") || url.hasPrefix("http://")
        else { return "" }
        config[keyPath: path] = url
        return nil
      })
  }
}
