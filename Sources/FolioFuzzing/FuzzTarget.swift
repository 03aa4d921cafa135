/// The fuzz targets: one per importer, one for the query language, one for title identity,
/// one for HTTP answers, one for the text layout.
///
/// Each takes arbitrary bytes and checks the promises Folio makes about untrusted input: it
/// never crashes, it fails only with its own error type (which the command line turns into a
/// one-line message), and nothing it keeps can drive a terminal. `folio-fuzz` runs them under
/// libFuzzer; `FolioFuzzTests` replays the kept corpus and every crash found through them.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The text listing (the bundled sample's format).
  case text
  /// Hugging Face daily papers JSON.
  case hf
  /// arXiv Atom feeds.
  case atom
  /// arXiv RSS feeds.
  case rss
  /// arXiv metadata JSON Lines.
  case jsonl
  /// The query language: lexer, parser, compiler, in-memory evaluator and the SQL it runs.
  case query
  /// Title identity: restyled titles keep their key, a changed letter, digit or symbol
  /// changes it.
  case titlekey
  /// HTTP answers: status, `Retry-After`/`RateLimit` headers, the body cap.
  case http
  /// Wrapping, width measurement, truncation and link extraction, in time linear in the text.
  case wrap

  /// Runs the target on `data` and returns the promises it broke, as sentences; empty when
  /// all held. A crash is a broken promise too, but one the process cannot report.
  public func findings(_ data: [UInt8]) -> [String] {
    switch self {
    case .text: ImporterTarget.findings(data, format: .text)
    case .hf: ImporterTarget.findings(data, format: .hf)
    case .atom: ImporterTarget.findings(data, format: .arxivAtom)
    case .rss: ImporterTarget.findings(data, format: .arxivRSS)
    case .jsonl: ImporterTarget.findings(data, format: .jsonl)
    case .query: QueryTarget.findings(data)
    case .titlekey: TitleKeyTarget.findings(data)
    case .http: HTTPTarget.findings(data)
    case .wrap: WrapTarget.findings(data)
    }
  }
}
