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
struct XMLEntities {
  /// The most bytes entity references may add to a document (1 MiB).
  static let expansionCap = 1 << 20

  private let input: [UInt8]
  private let file: String
  private var output: [UInt8] = []
  private var entities: [[UInt8]: [UInt8]] = [:]
  private var budget = expansionCap
  private var index = 0
  private var line = 1

  /// `bytes` (UTF-8, without an XML declaration) with the document type declaration removed
  /// (its lines kept) and entity references rewritten as described above.
  static func resolve(_ bytes: [UInt8], file: String) throws -> [UInt8] {
    // Without `&` or a DOCTYPE there is nothing to do: the common case costs one scan.
    guard bytes.contains(UInt8(ascii: "&")) || bytes.contains(UInt8(ascii: "!")) else {
      return bytes
    }
    var pass = XMLEntities(input: bytes, file: file)
    try pass.run()
    return pass.output
  }

  private init(input: [UInt8], file: String) {
    self.input = input
    self.file = file
    output.reserveCapacity(input.count)
  }

  private static let lt = UInt8(ascii: "<")
  private static let gt = UInt8(ascii: ">")
  private static let amp = UInt8(ascii: "&")
  private static let newline = UInt8(ascii: "\n")

  private mutating func run() throws {
    var seenElement = false
    while index < input.count {
      let byte = input[index]
      if byte == Self.lt {
        if starts("<!--") {
          copy(through: "-->")
        } else if starts("<![CDATA[") {
          copy(through: "]]>")
        } else if starts("<?") {
          copy(through: "?>")
        } else if !seenElement, starts("<!DOCTYPE") {
          try readDoctype()
        } else if starts("<!") {
          copy(through: ">")
        } else {
          seenElement = true
          try copyTag()
        }
      } else if byte == Self.amp {
        try reference(inAttribute: false)
      } else {
        // Copy the run of text up to the next markup, reference or line at once.
        var end = index + 1
        while end < input.count, input[end] != Self.lt, input[end] != Self.amp,
          input[end] != Self.newline
        {
          end += 1
        }
        if byte == Self.newline { line += 1 }
        output += input[index..<end]
        index = end
      }
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

  /// Copies the markup at `index` through `terminator` unchanged.
  private mutating func copy(through terminator: StaticString) {
    let stop = end(of: terminator, from: index + 1)
    for byte in input[index..<stop] {
      if byte == Self.newline { line += 1 }
    }
    output += input[index..<stop]
    index = stop
  }

  /// Copies a start or end tag, rewriting references in its quoted attribute values.
  private mutating func copyTag() throws {
    var quote: UInt8? = nil
    output.append(input[index])
    index += 1
    while index < input.count {
      let byte = input[index]
      if let open = quote {
        if byte == open {
          quote = nil
        } else if byte == Self.amp {
          try reference(inAttribute: true)
          continue
        }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == Self.gt {
        output.append(byte)
        index += 1
        return
      } else if byte == Self.lt {
        return  // Not well-formed; libxml2 will say where.
      }
      if byte == Self.newline { line += 1 }
      output.append(byte)
      index += 1
    }
  }

  /// The name of the reference `&name;` at `index`, or nil when there is none (a bare `&`,
  /// which libxml2 then reports, or a character reference).
  private func referenceName(at start: Int) -> ArraySlice<UInt8>? {
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
  /// and writes only the declaration's newlines, so line numbers stay those of the file.
  private mutating func readDoctype() throws {
    index += 9
    var quote: UInt8? = nil
    while index < input.count {
      let byte = input[index]
      if byte == Self.newline {
        line += 1
        output.append(byte)
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
        output.append(skipped)
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
    try spend(value.count)
    entities[name] = value
  }
}
