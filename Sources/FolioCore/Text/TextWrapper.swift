/// Breaks text into lines that fit a width in terminal cells.
///
/// Time is linear in the text: each code point is measured once and copied once, however long
/// a word is (splitting a word by re-measuring its rest was quadratic, issue 15 #10).
public enum TextWrapper {
  /// `text` broken at spaces into lines of at most `width` cells; a word longer than `width`
  /// is split across lines. Line breaks in `text` are kept; runs of spaces between words
  /// collapse to one. Gives one empty line for empty text, and no lines for a `width` below 1.
  ///
  /// A line is wider than `width` only when it holds a single code point wider than `width`
  /// (a wide character at width 1).
  public static func wrap(_ text: String, width: Int) -> [String] {
    wrap(text, width: width, maxLines: .max)
  }

  /// The first `maxLines` lines of `wrap(text, width: width)`: no more lines are made once
  /// there are `maxLines` (the words after the one that filled them are not measured).
  public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
    guard width > 0, maxLines > 0 else { return [] }
    var lines = Lines(width: width, maxLines: maxLines)
    // One pass over the characters: spaces end words, newlines end paragraphs.
    var index = text.startIndex
    var wordStart: String.Index? = nil
    while index != text.endIndex {
      let character = text[index]
      if character == " " || character == "\n" {
        if let start = wordStart {
          lines.add(text[start..<index])
          wordStart = nil
        }
        if character == "\n" { lines.endParagraph() }
        if lines.isFull { return lines.done }
      } else if wordStart == nil {
        wordStart = index
      }
      index = text.index(after: index)
    }
    if let start = wordStart { lines.add(text[start...]) }
    lines.endParagraph()
    return lines.done
  }

  /// The lines made so far and the one being filled.
  private struct Lines {
    let width: Int
    let maxLines: Int
    var done: [String] = []
    var current = ""
    var currentWidth = 0
    /// Whether `current` holds a word; a word of zero width (a lone combining mark) counts.
    var hasWord = false

    init(width: Int, maxLines: Int) {
      self.width = width
      self.maxLines = maxLines
    }

    var isFull: Bool { done.count >= maxLines }

    mutating func add(_ word: Substring) {
      let wordWidth = DisplayWidth.of(word)
      if hasWord && currentWidth + 1 + wordWidth <= width {
        current += " "
        current += word
        currentWidth += 1 + wordWidth
        return
      }
      if hasWord { emit(current) }
      if wordWidth <= width {
        start(String(word), wordWidth)
      } else {
        split(word, wordWidth)
      }
    }

    mutating func endParagraph() {
      emit(current)
      start("", 0)
      hasWord = false
    }

    /// Emits full-width pieces of `word` while what is left is wider than `width`; the rest
    /// becomes the current line. Each piece is the longest prefix that fits (at least one code
    /// point). One pass over the word's code points.
    private mutating func split(_ word: Substring, _ wordWidth: Int) {
      let scalars = word.unicodeScalars
      var pieceStart = scalars.startIndex
      var index = pieceStart
      var used = 0
      var left = wordWidth
      while left > width && index != scalars.endIndex {
        let w = DisplayWidth.of(scalars[index])
        if used + w > width && used > 0 {
          emit(String(scalars[pieceStart..<index]))
          if isFull { return }
          left -= used
          pieceStart = index
          used = 0
          continue
        }
        used += w
        index = scalars.index(after: index)
      }
      start(String(scalars[pieceStart...]), left)
    }

    private mutating func start(_ text: String, _ textWidth: Int) {
      current = text
      currentWidth = textWidth
      hasWord = true
    }

    private mutating func emit(_ line: String) {
      guard !isFull else { return }
      done.append(line)
    }
  }
}
