/// The bytes libxml2 reads for a document, made a piece at a time: the XML declaration
/// dropped (its lines kept), entities resolved (``XMLEntities``), empty processing
/// instructions padded (``InstructionPadding``) and the result decoded to UTF-8
/// (``XMLEncoding/Decoder``).
///
/// Every stage carries its state from piece to piece, so the whole document is never copied:
/// memory holds a piece (about ``XMLEntities/pieceSize`` bytes) and what the stages carry.
struct XMLSource {
  private var entities: XMLEntities
  private var padding = InstructionPadding()
  private var decoder: XMLEncoding.Decoder
  private var raw: [UInt8] = []
  private var padded: [UInt8] = []
  private var finished = false

  /// A source over `input`, which must stay valid while the source is used. Throws when the
  /// declared encoding is not one Folio reads.
  init(_ input: UnsafeBufferPointer<UInt8>, file: String) throws {
    decoder = XMLEncoding.Decoder(try XMLEncoding.kind(of: input, file: file))
    let declaration = XMLTreeElement.declarationExtent(input)
    entities = XMLEntities(
      input, from: declaration.end, lines: declaration.newlines, file: file)
  }

  /// How far through the input the source is, in bytes.
  var bytesRead: Int { entities.position }

  /// Appends the next piece of the document to `output`; false once there is no more.
  mutating func next(into output: inout [UInt8]) throws -> Bool {
    guard !finished else { return false }
    raw.removeAll(keepingCapacity: true)
    padded.removeAll(keepingCapacity: true)
    if try entities.next(into: &raw) {
      padding.pad(raw, into: &padded)
      decoder.decode(padded, into: &output)
    } else {
      finished = true
      padding.finish(into: &padded)
      decoder.decode(padded, into: &output)
      decoder.finish(into: &output)
    }
    return true
  }
}

/// Puts a space before the `?>` of each processing instruction that has no data
/// (`<?name?>`), one byte at a time. For those libxml2 passes a NULL data pointer, which
/// Foundation's XMLParser on Linux reads as a C string and crashes; with the space it passes
/// empty data instead. A `<?name?>` inside a comment or CDATA section gains the same space,
/// which is harmless.
struct InstructionPadding {
  private enum State {
    /// Anywhere else.
    case text
    /// Just after `<`.
    case open
    /// In the target name after `<?` (it runs to whitespace, `?`, `<` or `>`).
    case name
    /// After the name and a `?`, which is held until the next byte says whether it ends the
    /// instruction.
    case question
  }

  private var state = State.text
  private static let lt = UInt8(ascii: "<")
  private static let gt = UInt8(ascii: ">")
  private static let question = UInt8(ascii: "?")

  /// Appends `bytes`, padded, to `output`.
  mutating func pad(_ bytes: [UInt8], into output: inout [UInt8]) {
    for byte in bytes { take(byte, into: &output) }
  }

  /// Appends what is held at the end of the document.
  mutating func finish(into output: inout [UInt8]) {
    if state == .question { output.append(Self.question) }
    state = .text
  }

  private mutating func take(_ byte: UInt8, into output: inout [UInt8]) {
    switch state {
    case .text:
      output.append(byte)
      if byte == Self.lt { state = .open }
    case .open:
      output.append(byte)
      state = byte == Self.question ? .name : byte == Self.lt ? .open : .text
    case .name:
      if byte == Self.question {
        state = .question
      } else {
        output.append(byte)
        if byte <= 0x20 || byte == Self.gt {
          state = .text
        } else if byte == Self.lt {
          state = .open
        }
      }
    case .question:
      if byte == Self.gt {
        output += [0x20, Self.question, Self.gt]
        state = .text
      } else {
        // The `?` was text; the byte after it starts afresh (only `<` matters there).
        output.append(Self.question)
        output.append(byte)
        state = byte == Self.lt ? .open : .text
      }
    }
  }
}
