import FolioCore

/// The text wrapper, width measurement and link extraction on arbitrary text: what the reader
/// does to every title, abstract and link it draws (issue 15 #9, #10).
///
/// The first byte picks a width (1...120); the rest is the text. Promises: nothing crashes;
/// every wrapped line fits the width (a wide character alone on a line at width 1 excepted); wrapping
/// keeps every code point but the spaces and newlines it breaks at; `maxLines` gives a prefix
/// of the full result; truncation fits and gives a prefix of the text; every link found is a
/// piece of the text starting with its scheme. And the work is linear: the text is also run
/// with its last character repeated to ``amplifiedLength`` code points, and repeated whole to
/// that length, so a quadratic path (a word split by re-measuring its rest, brackets recounted
/// per bracket) takes far longer than libFuzzer's per-input `-timeout` and is reported.
enum WrapTarget {
  /// How long the amplified inputs are, in code points: at this length a linear pass takes
  /// milliseconds and a quadratic one tens of seconds or more.
  static let amplifiedLength = 50_000

  static func findings(_ data: [UInt8]) -> [String] {
    guard let first = data.first else { return [] }
    let width = 1 + Int(first) % 120
    let text = String(decoding: data.dropFirst(), as: UTF8.self)
    var findings = promises(text, width: width, full: true)
    for amplified in amplifications(of: text) {
      findings += promises(amplified, width: width, full: false)
    }
    return findings
  }

  /// `text` with its last character repeated, and `text` repeated, to ``amplifiedLength``
  /// code points.
  static func amplifications(of text: String) -> [String] {
    let scalars = text.unicodeScalars.count
    guard scalars > 0, let last = text.last else { return [] }
    let tail = String(repeating: String(last), count: amplifiedLength / last.unicodeScalars.count)
    let copies = String(repeating: text, count: max(1, amplifiedLength / scalars))
    return [text + tail, copies]
  }

  /// The promises on one text. `full` checks them all; an amplified text only gets the work
  /// (one pass each of wrapping, truncation and link extraction, timed by libFuzzer) and the
  /// promises that cost nothing more.
  static func promises(_ text: String, width: Int, full: Bool) -> [String] {
    var findings: [String] = []
    let shown = full ? text.debugDescription : "an amplified input"
    let lines = TextWrapper.wrap(text, width: width)
    // Every line but an empty one holds at least one byte of the text; an empty one is a "\n".
    if lines.count > text.utf8.count + 1 {
      findings.append("\(lines.count) lines from \(text.utf8.count) bytes of \(shown)")
    }
    let cut = DisplayWidth.truncate(text, to: width)
    if DisplayWidth.of(cut) > width {
      findings.append("truncating \(shown) to \(width) gave \(cut.debugDescription)")
    }
    let urls = LinkExtractor.urls(in: text)
    guard full else { return findings }

    for line in lines where DisplayWidth.of(line) > width {
      // At width 1 a wide character gets a line of its own, with what takes no cell.
      let isLoneWide =
        width == 1 && line.unicodeScalars.filter { DisplayWidth.of($0) > 0 }.count == 1
      if !isLoneWide { findings.append("a line of \(line.debugDescription) exceeds \(width)") }
    }
    let kept = { (s: String) in s.unicodeScalars.filter { $0 != " " && $0 != "\n" } }
    if !kept(text).elementsEqual(kept(lines.joined())) {
      findings.append("wrapping \(shown) at \(width) lost or changed text: \(lines)")
    }
    let some = TextWrapper.wrap(text, width: width, maxLines: 3)
    if some != Array(lines.prefix(3)) {
      findings.append("maxLines 3 gave \(some), not the first lines of \(lines)")
    }
    if cut != text {
      let body = cut.unicodeScalars.dropLast()
      if !cut.hasSuffix("…") || !text.unicodeScalars.starts(with: body) {
        findings.append("truncating \(shown) gave \(cut.debugDescription), not a prefix")
      }
    }
    for url in urls {
      // By scalars: `hasPrefix` compares characters, and "https://" followed by a combining
      // mark ends in the character "/\u{301}", not "/".
      let lowered = url.lowercased().unicodeScalars
      if !(lowered.starts(with: "http://".unicodeScalars)
        || lowered.starts(with: "https://".unicodeScalars))
        || url.contains(where: \.isWhitespace) || !Self.holds(text, url)
      {
        findings.append("the link \(url.debugDescription) is not one in \(shown)")
      }
    }
    _ = LinkExtractor.links(in: text)
    return findings
  }

  /// Whether `part`'s bytes stand in `text`'s, in a row: a link may begin or end inside a
  /// character (after a combining mark), which a comparison by characters would not find.
  static func holds(_ text: String, _ part: String) -> Bool {
    text.utf8.firstRange(of: part.utf8) != nil
  }
}
