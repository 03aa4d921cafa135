/// Resolves entity references before libxml2 sees a document.
///
/// Foundation's XMLParser on Linux mishandles entities: the text after a reference to an
/// external or undefined entity is dropped (`Before &ext; After` read as `Before `), and the
/// text of an internal entity (`<!ENTITY x "text">`) is lost. So Folio reads the document type
/// declaration's internal subset itself, removes the declaration, and rewrites references:
///
/// - an internal entity is replaced by its text (markup in it is parsed, as XML says);
/// - a reference to an external or undefined entity is kept literally as text
///   (`&ext;` reads as "&ext;"), so nothing around it is lost and the reader sees that
///   something was there; external entities are never loaded;
/// - the predefined entities (`&lt;` ...) and character references are left to libxml2.
///
/// The pass is linear: one scan, and all text inserted for entities together is capped at
/// ``expansionCap`` bytes (declarations included), so nested entities ("billion laughs")
/// fail with an error instead of exhausting memory. Newlines in an entity's text become
/// spaces so later line numbers in messages stay those of the file.
///
/// It streams: ``next(into:)`` hands out the output a piece of about ``pieceSize`` bytes at a
/// time (one entity's text may add to a piece, within the cap), so a document of any size is
/// rewritten in bounded memory. It reads the document's bytes in place, in the encoding they
/// are in: every byte it looks for is ASCII, which UTF-8 and the single-byte encodings Folio
/// reads all spell the same way, so decoding can come after it.
struct XMLEntities {
  /// The most bytes entity references may add to a document (1 MiB).
  static let expansionCap = 1 << 20
  /// How much output ``next(into:)`` makes at a time (64 KiB), besides one entity's text.
  static let pieceSize = 1 << 16

  private let input: UnsafeBufferPointer<UInt8>
  private let file: String
  private var output: [UInt8] = []
  private var entities: [[UInt8]: [UInt8]] = [:]
  private var budget = expansionCap
  private var index: Int
  private var line: Int
  private var seenElement = false
  /// Newlines owed to the output (those of a removed declaration), written before what follows.
  private var pendingNewlines = 0
  /// Markup being copied unchanged (a comment, CDATA section, instruction) ends here.
  private var copyEnd: Int? = nil
  /// Inside a start or end tag, and in which quote if in one.
  private var inTag = false
  private var tagQuote: UInt8? = nil

  /// `bytes` (UTF-8, without an XML declaration) with the document type declaration removed
  /// (its lines kept) and entity references rewritten as described above, all at once.
  static func resolve(_ bytes: [UInt8], file: String) throws -> [UInt8] {
    try bytes.withUnsafeBufferPointer { buffer in
      var pass = XMLEntities(buffer, file: file)
      var output: [UInt8] = []
      while try pass.next(into: &output) {}
      return output
    }
  }

  /// A pass over `input` from `start`, the `lines` newlines before it (a removed XML
  /// declaration's) written first. `input` must stay valid while the pass is used.
  init(_ input: UnsafeBufferPointer<UInt8>, from start: Int = 0, lines: Int = 0, file: String) {
    self.input = input
    self.file = file
    index = start
    line = 1 + lines
    pendingNewlines = lines
  }

  /// How far through the input the pass is, in bytes.
  var position: Int { index }

  private static let lt = UInt8(ascii: "<")
  private static let gt = UInt8(ascii: ">")
  private static let amp = UInt8(ascii: "&")
  private static let newline = UInt8(ascii: "\n")

  /// Appends the next piece of output to `into`; false once the input is used up and nothing
  /// was added.
  mutating func next(into result: inout [UInt8]) throws -> Bool {
    swap(&output, &result)
    defer { swap(&output, &result) }
    let before = output.count
    let limit = before + Self.pieceSize
    while output.count < limit {
      let room = limit - output.count
      if pendingNewlines > 0 {
        let count = min(pendingNewlines, room)
        output += repeatElement(Self.newline, count: count)
        pendingNewlines -= count
      } else if let stop = copyEnd {
        let end = min(stop, index + room)
        for byte in input[index..<end] where byte == Self.newline { line += 1 }
        output += input[index..<end]
        index = end
        if index == stop { copyEnd = nil }
      } else if inTag {
        try copyTag(room: room)
      } else if index < input.count {
        try step(room: room)
      } else {
        break
      }
    }
    return output.count > before
  }

  /// Reads the construct at `index`: markup, a reference or a run of text.
  private mutating func step(room: Int) throws {
    let byte = input[index]
    if byte == Self.lt {
      if starts("<!--") {
        copyEnd = end(of: "-->", from: index + 1)
      } else if starts("<![CDATA[") {
        copyEnd = end(of: "]]>", from: index + 1)
      } else if starts("<?") {
        copyEnd = end(of: "?>", from: index + 1)
      } else if !seenElement, starts("<!DOCTYPE") {
        try readDoctype()
      } else if starts("<!") {
        copyEnd = end(of: ">", from: index + 1)
      } else {
        seenElement = true
        output.append(byte)
        index += 1
        inTag = true
        tagQuote = nil
      }
    } else if byte == Self.amp {
      try reference(inAttribute: false)
    } else {
      // Copy the run of text up to the next markup, reference or line at once.
      var end = index + 1
      let stop = min(input.count, index + room)
      while end < stop, input[end] != Self.lt, input[end] != Self.amp,
        input[end] != Self.newline
      {
        end += 1
      }
      if byte == Self.newline { line += 1 }
      output += input[index..<end]
      index = end
    }
  }

  private func starts(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard index + count <= input.count else { return false }
    return text.withUTF8Buffer { prefix in
      (0..<count).allSatisfy { input[index + $0] == prefix[$0] }
    }
  }

  /// The index just past the next `terminator` from `from`, or the end of the input.
  private func end(of terminator: StaticString, from: Int) -> Int {
    terminator.withUTF8Buffer { text in
      var at = from
      while at + text.count <= input.count {
        if input[at] == text[0], (1..<text.count).allSatisfy({ input[at + $0] == text[$0] }) {
          return at + text.count
        }
        at += 1
      }
      return input.count
    }
  }

  /// Copies up to `room` bytes of the start or end tag being read, rewriting references in
  /// its quoted attribute values.
  private mutating func copyTag(room: Int) throws {
    let stop = output.count + room
    while index < input.count, output.count < stop {
      let byte = input[index]
      if let open = tagQuote {
        if byte == open {
          tagQuote = nil
        } else if byte == Self.amp {
          try reference(inAttribute: true)
          continue
        }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        tagQuote = byte
      } else if byte == Self.gt {
        output.append(byte)
        index += 1
        inTag = false
        return
      } else if byte == Self.lt {
        inTag = false
        return  // Not well-formed; libxml2 will say where.
      }
      if byte == Self.newline { line += 1 }
      output.append(byte)
      index += 1
    }
    if index >= input.count { inTag = false }
  }

  /// The name of the reference `&name;` at `index`, or nil when there is none (a bare `&`,
  /// which libxml2 then reports, or a character reference).
  private func referenceName(at start: Int) -> Slice<UnsafeBufferPointer<UInt8>>? {
    var at = start + 1
    guard at < input.count, input[at] != UInt8(ascii: "#") else { return nil }
    // Names are short; a long run without `;` is not a reference.
    while at < input.count, at - start <= 256 {
      let byte = input[at]
      if byte == UInt8(ascii: ";") { return at > start + 1 ? input[(start + 1)..<at] : nil }
      if byte <= 0x20 || "<>&\"'%".utf8.contains(byte) { return nil }
      at += 1
    }
    return nil
  }

  private static let predefined: Set<[UInt8]> = Set(
    ["lt", "gt", "amp", "quot", "apos"].map { Array($0.utf8) })

  /// Rewrites the reference at `index` (see the type's description).
  private mutating func reference(inAttribute: Bool) throws {
    guard let name = referenceName(at: index) else {
      output.append(Self.amp)
      index += 1
      return
    }
    let key = Array(name)
    index = name.endIndex + 1
    if Self.predefined.contains(key) {
      output.append(Self.amp)
      output += key
      output.append(UInt8(ascii: ";"))
    } else if let text = entities[key] {
      try spend(text.count)
      for byte in text {
        switch byte {
        case 0x0A, 0x0D, 0x09: output.append(0x20)
        case Self.lt where inAttribute: output += Array("&lt;".utf8)
        case UInt8(ascii: "\"") where inAttribute: output += Array("&quot;".utf8)
        case UInt8(ascii: "'") where inAttribute: output += Array("&apos;".utf8)
        default: output.append(byte)
        }
      }
    } else {
      // Linear in the input (a few bytes per reference), so not charged to the cap.
      output += Array("&amp;".utf8) + key + [UInt8(ascii: ";")]
    }
  }

  private mutating func spend(_ count: Int) throws {
    budget -= count
    guard budget >= 0 else {
      throw ImportError(
        file: file, line: line,
        reason: "entity references expand past \(Self.expansionCap >> 20) MiB (nested entities?)")
    }
  }

  /// Reads `<!DOCTYPE name ... [internal subset]>`: records the internal subset's entities
  /// and owes the output only the declaration's newlines, so line numbers stay those of the file.
  private mutating func readDoctype() throws {
    index += 9
    var quote: UInt8? = nil
    while index < input.count {
      let byte = input[index]
      if byte == Self.newline {
        line += 1
        pendingNewlines += 1
      }
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        index += 1
        try readInternalSubset()
        continue
      } else if byte == Self.gt {
        index += 1
        return
      }
      index += 1
    }
  }

  /// Reads declarations up to the `]` that ends the internal subset.
  private mutating func readInternalSubset() throws {
    while index < input.count {
      let byte = input[index]
      if byte == UInt8(ascii: "]") {
        index += 1
        return
      }
      let start = index
      if starts("<!--") {
        index = end(of: "-->", from: index + 4)
      } else if starts("<?") {
        index = end(of: "?>", from: index + 2)
      } else if starts("<!ENTITY") {
        try readEntityDeclaration()
      } else if starts("<!") {
        index = endOfDeclaration(from: index + 2)
      } else {
        index += 1
      }
      for skipped in input[start..<index] where skipped == Self.newline {
        line += 1
        pendingNewlines += 1
      }
    }
  }

  /// The index past the `>` that ends a markup declaration, quoted text skipped.
  private func endOfDeclaration(from start: Int) -> Int {
    var quote: UInt8? = nil
    var at = start
    while at < input.count {
      let byte = input[at]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == Self.gt {
        return at + 1
      }
      at += 1
    }
    return at
  }

  /// Reads `<!ENTITY name "text">` (recorded, references to entities declared before it
  /// expanded now) or an external or parameter entity (not recorded: references to it stay
  /// literal text). The first declaration of a name wins, as XML says.
  private mutating func readEntityDeclaration() throws {
    let stop = endOfDeclaration(from: index + 8)
    var at = index + 8
    func skipSpace() { while at < stop, input[at] <= 0x20 { at += 1 } }
    skipSpace()
    let isParameter = at < stop && input[at] == UInt8(ascii: "%")
    if isParameter {
      at += 1
      skipSpace()
    }
    let nameStart = at
    while at < stop, input[at] > 0x20, input[at] != UInt8(ascii: "\""),
      input[at] != UInt8(ascii: "'"), input[at] != Self.gt
    {
      at += 1
    }
    let name = Array(input[nameStart..<at])
    skipSpace()
    defer { index = stop }
    guard !isParameter, !name.isEmpty, entities[name] == nil, at < stop,
      input[at] == UInt8(ascii: "\"") || input[at] == UInt8(ascii: "'")
    else { return }
    let quote = input[at]
    let valueStart = at + 1
    var valueEnd = valueStart
    while valueEnd < stop, input[valueEnd] != quote { valueEnd += 1 }
    var value: [UInt8] = []
    var cursor = valueStart
    while cursor < valueEnd {
      let byte = input[cursor]
      if byte == Self.amp, let reference = referenceName(at: cursor), reference.endIndex < valueEnd,
        !Self.predefined.contains(Array(reference))
      {
        if let text = entities[Array(reference)] {
          try spend(text.count)
          value += text
        } else {
          value += Array("&amp;".utf8) + reference + [UInt8(ascii: ";")]
        }
        cursor = reference.endIndex + 1
      } else {
        value.append(byte)
        cursor += 1
      }
    }
    // The name is kept too: charged, so many declarations cannot add up past the cap either.
    try spend(name.count + value.count)
    entities[name] = value
  }
}
