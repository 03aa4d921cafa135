/// Finds the root element of an XML document one byte at a time, skipping the prolog: the
/// XML declaration, processing instructions, comments and a document type declaration
/// (quoted strings, its `[...]` internal subset and the comments in it). Constant memory and
/// one look at each byte, so a prolog of any size is read in bounded memory.
struct XMLPrologScanner {
  private enum State {
    case between, open, bang, instruction, comment, declaration, subsetComment, name, done
  }

  private var state = State.between
  /// The last four bytes, for spotting `?>`, `-->` and `<!--` across chunk boundaries.
  private var recent: UInt32 = 0
  private var quote: UInt8? = nil
  private var subsetDepth = 0
  private var name: [UInt8] = []

  /// Element names are short: a longer one is not what detection looks for.
  private static let maxNameLength = 256

  /// Whether more bytes would change nothing.
  var isFinished: Bool { state == .done }

  /// The root element's local name (after any `prefix:`), once found.
  var rootName: String? {
    guard state == .done, !name.isEmpty else { return nil }
    let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name[...]
    return String(decoding: local, as: UTF8.self)
  }

  mutating func take(_ byte: UInt8) {
    recent = recent << 8 | UInt32(byte)
    switch state {
    case .between:
      if FormatDetector.isSpace(byte) || byte == 0xEF || byte == 0xBB || byte == 0xBF { return }
      state = byte == UInt8(ascii: "<") ? .open : .done
    case .open:
      if byte == UInt8(ascii: "?") {
        recent = 0
        state = .instruction
      } else if byte == UInt8(ascii: "!") {
        state = .bang
      } else if byte > 0x20, byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/") {
        name = [byte]
        state = .name
      } else {
        state = .done
      }
    case .bang:
      if byte == UInt8(ascii: "-") {
        // `<!-`: the second `-` is taken by the comment state (its end needs a fresh `--`).
        recent = 0
        state = .comment
      } else {
        quote = nil
        subsetDepth = 0
        state = .declaration
        take(declaration: byte)
      }
    case .instruction:
      if recent & 0xFFFF == 0x3F3E { state = .between }  // "?>"
    case .comment:
      if recent & 0xFF_FFFF == 0x2D2D3E { state = .between }  // "-->"
    case .declaration:
      take(declaration: byte)
    case .subsetComment:
      if recent & 0xFF_FFFF == 0x2D2D3E {  // "-->"
        recent = 0
        state = .declaration
      }
    case .name:
      if FormatDetector.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
        state = .done
      } else if name.count >= Self.maxNameLength {
        name = []
        state = .done
      } else {
        name.append(byte)
      }
    case .done:
      return
    }
  }

  /// A byte of `<!DOCTYPE ...>` or another `<!...>` declaration.
  private mutating func take(declaration byte: UInt8) {
    if let open = quote {
      if byte == open { quote = nil }
      return
    }
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      quote = byte
    case UInt8(ascii: "["):
      subsetDepth += 1
    case UInt8(ascii: "]"):
      subsetDepth = max(0, subsetDepth - 1)
    case UInt8(ascii: ">") where subsetDepth == 0:
      state = .between
    case UInt8(ascii: "-") where subsetDepth > 0 && recent == 0x3C21_2D2D:  // "<!--"
      recent = 0
      state = .subsetComment
    default:
      break
    }
  }
}
