import Foundation

/// When two titles name the same paper: the title reduced to what tells papers apart.
///
/// Kept: letters, digits, marks and symbols (`+ # * & @ %`, math such as `∑∫∂`, emoji), so
/// `Learning C++` and `Learning C#` are different papers. Dropped, because sources write the
/// same title with them or without: case, whitespace, quote and dash styles (and other
/// punctuation, such as a trailing `.` or `?`), invisible format characters, compatibility
/// forms (`ﬁ`, full-width letters, `²`), and TeX markup: `$...$` (with `^` and `_` inside),
/// braces, font commands (`\textbf{x}` is `x`), accents (`Schr\"odinger` is `Schrödinger`),
/// Greek letters and common symbols by name (`$\alpha$` is `α`), escapes (`\&` is `&`).
/// A title of punctuation only (`?!…`) is its own key, whitespace and case aside.
///
/// Linear in the title's length; no recursion.
enum TitleKey {
  static func make(_ title: String) -> String {
    let key = asciiKey(title) ?? unicodeKey(title)
    return key.isEmpty ? fallbackKey(title) : key
  }

  /// The key of an ASCII title without TeX (`\`, `$`), byte by byte; nil for any other.
  static func asciiKey(_ title: String) -> String? {
    var key: [UInt8] = []
    key.reserveCapacity(title.utf8.count)
    for byte in title.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        key.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        key.append(byte | 0x20)
      case UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "*"),
        UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="),
        UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "|"), UInt8(ascii: "~"):
        key.append(byte)
      case UInt8(ascii: "\\"), UInt8(ascii: "$"), 0x80...:
        return nil
      default:
        continue  // whitespace, controls, punctuation, quotes, dashes
      }
    }
    return String(decoding: key, as: UTF8.self)
  }

  /// The key by Unicode properties, reading TeX markup.
  static func unicodeKey(_ title: String) -> String {
    let scalars = Array(title.precomposedStringWithCompatibilityMapping.unicodeScalars)
    var key = String.UnicodeScalarView()
    /// A TeX accent waiting for the letter it goes on.
    var accent: Unicode.Scalar?
    var inMath = false
    func append(_ scalar: Unicode.Scalar) {
      guard isSignificant(scalar) else { return }
      key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      if let mark = accent {
        if scalar.properties.isAlphabetic { key.append(mark) }
        accent = nil
      }
    }
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "$":
        inMath.toggle()
      case "^" where inMath, "_" where inMath:
        continue  // superscript and subscript markup
      case "\\":
        guard index < scalars.count else { continue }
        let next = scalars[index]
        if isASCIILetter(next) {
          var name = String.UnicodeScalarView()
          while index < scalars.count, isASCIILetter(scalars[index]) {
            name.append(scalars[index])
            index += 1
          }
          let command = String(name)
          if let mark = letterAccents[command], index < scalars.count,
            scalars[index] == "{" || scalars[index] == " "
          {
            accent = mark
          } else if let replacement = namedCharacters[command] {
            replacement.unicodeScalars.forEach(append)
          } else if !formatting.contains(command) {
            // An unknown command's name is text (`\LaTeX` is `latex`).
            name.forEach(append)
          }
        } else {
          index += 1
          if let mark = symbolAccents[next] {
            accent = mark
          } else if next != "\\" {
            append(next)  // an escape: `\&` is `&`, `\$` is `$`; spacing is dropped
          }
        }
      default:
        append(scalar)
      }
    }
    return String(key).precomposedStringWithCanonicalMapping
  }

  /// The key of a title with nothing ``isSignificant(_:)``: its characters but whitespace and
  /// invisible ones, case-folded, every dash `-` and every quote `"`.
  static func fallbackKey(_ title: String) -> String {
    var key = String.UnicodeScalarView()
    for scalar in title.precomposedStringWithCompatibilityMapping.unicodeScalars {
      let properties = scalar.properties
      switch properties.generalCategory {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
        continue
      case .dashPunctuation: key.append("-")
      case .initialPunctuation, .finalPunctuation: key.append("\"")
      default:
        if quotes.contains(scalar) {
          key.append("\"")
        } else if scalar == "\u{2212}" {
          key.append("-")
        } else if !properties.isWhitespace {
          key.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
        }
      }
    }
    return String(key)
  }

  /// Whether `scalar` tells titles apart: letters, digits, marks, symbols (but quotes, the
  /// minus sign, which is a dash style, and variation selectors), the punctuation that is
  /// a symbol in titles (`# % & * @`), and what this Unicode version does not know.
  static func isSignificant(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .spacingMark, .enclosingMark,
      .privateUse, .unassigned:
      return true
    case .nonspacingMark:
      return !(0xFE00...0xFE0F).contains(scalar.value)
        && !(0xE0100...0xE01EF).contains(scalar.value)
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      return !quotes.contains(scalar) && scalar != "\u{2212}"
    case .otherPunctuation:
      return "#%&*@".unicodeScalars.contains(scalar)
    default:
      return false
    }
  }

  /// Quote marks that Unicode files as symbols or other punctuation.
  static let quotes: Set<Unicode.Scalar> = [
    "'", "\"", "`", "\u{B4}", "\u{2032}", "\u{2033}", "\u{2035}", "\u{2036}",
  ]

  static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  /// TeX accents written with a symbol (`\"o`), as combining marks.
  static let symbolAccents: [Unicode.Scalar: Unicode.Scalar] = [
    "\"": "\u{308}", "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "~": "\u{303}",
    "=": "\u{304}", ".": "\u{307}",
  ]

  /// TeX accents written with a letter (`\c{c}`, `\v s`), as combining marks.
  static let letterAccents: [String: Unicode.Scalar] = [
    "c": "\u{327}", "v": "\u{30C}", "u": "\u{306}", "H": "\u{30B}", "k": "\u{328}",
    "r": "\u{30A}", "d": "\u{323}", "b": "\u{331}",
  ]

  /// TeX commands that only style their argument.
  static let formatting: Set<String> = [
    "textbf", "textit", "emph", "textrm", "textsf", "texttt", "textsc", "textup", "textmd",
    "textnormal", "text", "mathbf", "mathit", "mathrm", "mathsf", "mathtt", "mathcal",
    "mathbb", "mathfrak", "mathscr", "mathnormal", "boldsymbol", "bm", "mbox", "hbox",
    "underline", "overline", "widehat", "widetilde", "hat", "tilde", "bar", "vec", "operatorname",
    "left", "right", "big", "Big", "bigl", "bigr", "displaystyle", "textstyle", "ensuremath",
    "em", "it", "bf", "rm", "sf", "tt", "sc", "small", "large", "Large", "tiny", "huge", "Huge",
    "xspace", "protect", "relax", "quad", "qquad", "ldots", "dots", "cdots", "textquotesingle",
  ]

  /// TeX names of Greek letters and common symbols, as the characters.
  static let namedCharacters: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "π", "rho": "ρ",
    "varrho": "ρ", "sigma": "σ", "varsigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "infty": "∞", "times": "×", "cdot": "⋅", "pm": "±",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "sim": "∼", "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "sum": "∑",
    "prod": "∏", "int": "∫", "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃",
    "ell": "l", "hbar": "ħ", "emptyset": "∅", "circ": "∘", "oplus": "⊕", "otimes": "⊗",
    "sqrt": "√", "i": "i", "j": "j", "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
  ]
}
