/// The features of a document as 64-bit hashes of their keys, counted straight from the
/// text's bytes: scoring a day's papers must take a few milliseconds, and building a string
/// for every word and hashing it twice (stop words, then counts) took most of that.
extension ForYouFeatures {
  /// FNV-1a over the key's UTF-8 bytes. At 50,000 features a collision between two keys has a
  /// chance of about 10⁻¹⁰; it would only merge two features' weights.
  public static func hash(_ key: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  static let stopWordHashes = Set(StopWords.english.map(hash))

  /// ``counts(_:)`` keyed by ``hash(_:)``: the same features with the same counts.
  public static func hashedCounts(_ document: RecommendDocument) -> [UInt64: Double] {
    var counts: [UInt64: Double] = [:]
    counts.reserveCapacity(128)
    addWords(document.title, weight: titleWeight, to: &counts)
    addWords(document.abstract, weight: 1, to: &counts)
    for author in document.authors { if let key = authorKey(author) { counts[hash(key)] = 1 } }
    for category in document.categories where !category.isEmpty {
      counts[hash("#" + category.lowercased())] = 1
    }
    for keyword in document.keywords where !keyword.isEmpty {
      counts[hash("~" + keyword.lowercased())] = 1
    }
    return counts
  }

  /// Adds the words of `text`: from its bytes when it is all ASCII (as
  /// ``SearchTokenizer/tokens(_:)`` splits it: runs of letters and digits, lowercased), through
  /// the tokenizer otherwise.
  static func addWords(_ text: String, weight: Double, to counts: inout [UInt64: Double]) {
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
      addASCIIWords(bytes, weight: weight, to: &counts)
    }
    if ascii == true { return }
    if ascii == nil {
      var copy = text
      copy.makeContiguousUTF8()
      if copy.utf8.withContiguousStorageIfAvailable({
        addASCIIWords($0, weight: weight, to: &counts)
      }) == true {
        return
      }
    }
    for token in SearchTokenizer.tokens(text) where isWord(token) {
      counts[hash(token), default: 0] += weight
    }
  }

  /// Counts the words of all-ASCII `bytes` and returns true, or returns false having counted
  /// nothing when a byte is not ASCII.
  static func addASCIIWords(
    _ bytes: UnsafeBufferPointer<UInt8>, weight: Double, to counts: inout [UInt64: Double]
  ) -> Bool {
    for byte in bytes where byte >= 0x80 { return false }
    let start: UInt64 = 0xCBF2_9CE4_8422_2325
    var hash = start
    var length = 0
    var digitsOnly = true
    func finish() {
      if length >= 3, !digitsOnly, !stopWordHashes.contains(hash) {
        counts[hash, default: 0] += weight
      }
      hash = start
      length = 0
      digitsOnly = true
    }
    for var byte in bytes {
      switch byte {
      case 0x30...0x39: break
      case 0x41...0x5A:
        byte += 0x20
        digitsOnly = false
      case 0x61...0x7A: digitsOnly = false
      default:
        if length > 0 { finish() }
        continue
      }
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      length += 1
    }
    if length > 0 { finish() }
    return true
  }
}
