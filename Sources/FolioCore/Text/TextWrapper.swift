/// Breaks text into lines that fit a width in terminal cells.
public enum TextWrapper {
  /// `text` broken at spaces into lines of at most `width` cells; a word longer than `width`
  /// is split across lines. Line breaks in `text` are kept; runs of spaces between words
  /// collapse to one. Gives one empty line for empty text, and no lines for a `width` below 1.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines += wrapParagraph(paragraph, width: width)
    }
    return lines
  }

  private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in paragraph.split(separator: " ") {
      var word = String(word)
      var wordWidth = DisplayWidth.of(word)
      if currentWidth > 0 && currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
        continue
      }
      if currentWidth > 0 {
        lines.append(current)
        current = ""
        currentWidth = 0
      }
      while wordWidth > width {
        let (head, tail) = split(word, at: width)
        lines.append(head)
        word = tail
        wordWidth = DisplayWidth.of(word)
      }
      current = word
      currentWidth = wordWidth
    }
    lines.append(current)
    return lines
  }

  /// The longest prefix of `word` that fits `width` cells (at least one code point), and the rest.
  private static func split(_ word: String, at width: Int) -> (String, String) {
    var used = 0
    var index = word.unicodeScalars.startIndex
    while index != word.unicodeScalars.endIndex {
      let w = DisplayWidth.of(word.unicodeScalars[index])
      if used + w > width && used > 0 { break }
      used += w
      index = word.unicodeScalars.index(after: index)
    }
    return (String(word.unicodeScalars[..<index]), String(word.unicodeScalars[index...]))
  }
}
