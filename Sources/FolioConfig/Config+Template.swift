extension Config {
  /// The file `folio config --init` writes: every setting, at its default, commented out.
  public static let template = #"""
    # Folio's settings. Every line is optional; uncomment one to change it.
    # Unknown keys and bad values are reported (with their line) and the default is used.

    # Colour theme: a name from `folio themes`, or the path of a .theme file.
    # theme = "default"

    # When a paper is marked read: after it stays selected this many seconds, "open" (only
    # when read full screen with Enter), or "never" (only with r).
    # mark_read = 2

    # What the reader opens on: "today" (the newest listing day), "all", or a topic name.
    # default_view = "today"

    # The list's columns besides the title: unread, star, topics, day, upvotes.
    # list_columns = ["unread", "star", "topics", "day"]

    # How days are shown: %Y %y %m %d %e %b %B %a %A (e.g. "%a %e %b").
    # date_format = "%Y-%m-%d"

    # false leaves the mouse to the terminal (for selecting text).
    # mouse = true

    # Where `e` exports starred papers; ~ and {date} are expanded.
    # export_path = "~/folio-starred.md"

    # What `folio fetch` reads.
    # arxiv_categories = ["cs.LG", "cs.CL", "cs.CV", "cs.AI"]
    # hf_base_url = "https://huggingface.co"
    # arxiv_base_url = "https://rss.arxiv.org"
    # The largest answer a fetch accepts, in megabytes (after decompression); 1 to 4096.
    # http_max_mb = 64

    # Keys: a preset ("vim" or "emacs"), then any action = a key or a list of keys.
    # Key names: a character ("s", "*"), Enter, Esc, Tab, Space, Up, Down, PgUp, PgDn, Home,
    # End, F1-F12, Ctrl-x (or C-x), and two-key sequences ("gg", "Ctrl-x Ctrl-c").
    # Actions are listed by `?` in the reader and in docs/guide.md.
    [keys]
    # preset = "vim"
    # star = ["s", "*"]
    # top = ["gg", "Home"]
    """#
}
