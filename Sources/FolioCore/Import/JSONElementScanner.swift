/// Splits a JSON document into the values at its top level without decoding it: the elements
/// of a top-level array one at a time, or the whole document when it is not an array.
///
/// Fed in chunks, it hands over each element as soon as its last byte arrives, so a reader
/// holds one element at a time and memory is bounded by the largest element, not the file.
/// One linear scan: strings (with their escapes) are followed byte by byte and nesting is a
/// counter, capped at ``maxDepth``; nothing recurses.
struct JSONElementScanner {
  /// One top-level value, with where it starts (1-based line and column, in bytes).
  struct Element {
    var bytes: [UInt8]
    var line: Int
    var column: Int
    /// 1-based position in the array; 0 for a document that is not an array.
    var index: Int
  }

  /// Where the document stops being JSON the scanner can split.
  struct Failure: Error, Equatable {
    var line: Int
    var column: Int
    var reason: String
  }

  /// The deepest nesting of arrays and objects read (feeds need five levels): 512.
  static let maxDepth = 512

  private enum State {
    case start, whole
    case beforeValue(first: Bool)
    case inValue, afterValue, done
  }

  private var state = State.start
  private var nesting = JSONNesting()
  private var current: [UInt8] = []
  private var start = (line: 1, column: 1)
  private var count = 0
  private var line = 1
  private var column = 0

  /// Reads the next bytes of the document, handing each element they complete to `emit`.
  mutating func feed(
    _ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Element) throws -> Void
  ) throws {
    var at = 0
    while at < chunk.count {
      // Most bytes are inside strings: copy a run of plain ones at once.
      if nesting.isPlainStringRun {
        var end = at
        while end < chunk.count, !Self.endsRun(chunk[end]) { end += 1 }
        if end > at {
          current.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[at..<end]))
          column += end - at
          at = end
          continue
        }
      }
      let byte = chunk[at]
      column += 1
      try take(byte, emit)
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 0
      }
      at += 1
    }
  }

  /// Whether `byte` needs a look of its own inside a string: a quote, an escape or a newline.
  private static func endsRun(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n")
  }

  /// Ends the document: hands over a document that is not an array, and throws when the
  /// array (or the document) is incomplete.
  mutating func finish(_ emit: (Element) throws -> Void) throws {
    switch state {
    case .done:
      return
    case .whole:
      state = .done
      try emit(Element(bytes: current, line: start.line, column: start.column, index: 0))
      current = []
    case .inValue:
      throw Failure(line: start.line, column: start.column, reason: "not valid JSON")
    case .start:
      throw Failure(line: 1, column: 1, reason: "not valid JSON")
    case .beforeValue, .afterValue:
      throw Failure(line: line, column: column + 1, reason: "not valid JSON")
    }
  }

  private mutating func take(_ byte: UInt8, _ emit: (Element) throws -> Void) throws {
    switch state {
    case .start:
      // Whitespace and a UTF-8 byte order mark may come first.
      if FormatDetector.isSpace(byte) || byte == 0xEF || byte == 0xBB || byte == 0xBF { return }
      if byte == UInt8(ascii: "[") {
        state = .beforeValue(first: true)
      } else {
        state = .whole
        start = (line, column)
        try append(byte)
      }
    case .whole:
      try append(byte)
    case .beforeValue(let first):
      if FormatDetector.isSpace(byte) { return }
      if byte == UInt8(ascii: "]"), first {
        state = .done
        return
      }
      guard byte != UInt8(ascii: ","), byte != UInt8(ascii: "]") else { throw unexpected() }
      state = .inValue
      start = (line, column)
      count += 1
      nesting = JSONNesting()
      try append(byte)
      try emitIfComplete(emit)
    case .inValue:
      if nesting.depth == 0, !nesting.isInString {
        // A number, `true`, `false` or `null` ends at what follows it.
        guard
          FormatDetector.isSpace(byte) || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "]")
        else {
          try append(byte)
          return
        }
        try emitCurrent(emit)
        try take(byte, emit)
        return
      }
      try append(byte)
      try emitIfComplete(emit)
    case .afterValue:
      if FormatDetector.isSpace(byte) { return }
      if byte == UInt8(ascii: ",") {
        state = .beforeValue(first: false)
      } else if byte == UInt8(ascii: "]") {
        state = .done
      } else {
        throw unexpected()
      }
    case .done:
      if !FormatDetector.isSpace(byte) { throw unexpected() }
    }
  }

  private mutating func append(_ byte: UInt8) throws {
    nesting.take(byte)
    guard nesting.depth <= Self.maxDepth else {
      throw Failure(
        line: line, column: column, reason: "nested deeper than \(Self.maxDepth) levels")
    }
    current.append(byte)
  }

  /// Hands over the current element if its last byte has arrived: the bracket closing an
  /// array or object, or the quote closing a string.
  private mutating func emitIfComplete(_ emit: (Element) throws -> Void) throws {
    let opener = current.first
    let isComposite = opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[")
    let isString = opener == UInt8(ascii: "\"")
    guard isComposite || isString, nesting.depth <= 0, !nesting.isInString else { return }
    if isString, current.count < 2 { return }
    try emitCurrent(emit)
  }

  private mutating func emitCurrent(_ emit: (Element) throws -> Void) throws {
    state = .afterValue
    let element = Element(bytes: current, line: start.line, column: start.column, index: count)
    current = []
    try emit(element)
  }

  private func unexpected() -> Failure {
    Failure(line: line, column: column, reason: "not valid JSON")
  }
}

/// JSON's nesting followed one byte at a time: whether the bytes so far end inside a string,
/// and how many arrays and objects are open. No decoding, no recursion.
struct JSONNesting {
  /// Open arrays and objects (negative after an unmatched closing bracket).
  private(set) var depth = 0
  private(set) var isInString = false
  private var escaped = false

  /// Inside a string and not after a backslash: bytes other than a quote or a backslash
  /// change nothing.
  var isPlainStringRun: Bool { isInString && !escaped }

  mutating func take(_ byte: UInt8) {
    if isInString {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        isInString = false
      }
      return
    }
    switch byte {
    case UInt8(ascii: "\""): isInString = true
    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
    default: break
    }
  }
}
