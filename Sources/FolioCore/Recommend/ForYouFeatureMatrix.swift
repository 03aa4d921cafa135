/// Documents featurised once for training: every feature numbered (its key kept once), each
/// document a row of (feature number, raw count) pairs in flat arrays. A retrain reads
/// thousands of documents; tokenising each once, hashing words from their bytes, and learning
/// over integer ids in arrays instead of String-keyed dictionaries is what keeps it within a
/// few hundred milliseconds (folio-bench foryou).
///
/// A row holds the same features with the same counts as ``ForYouFeatures/counts(_:)``.
public struct ForYouFeatureMatrix: Sendable {
  /// Each feature's key (see ``ForYouFeatures``), by feature number.
  public private(set) var keys: [String] = []
  /// Each feature's ``ForYouFeatures/hash(_:)``, by feature number.
  public private(set) var hashes: [UInt64] = []
  /// Where each row starts in ``features`` and ``counts``; one more entry than rows.
  public private(set) var rowStarts: [Int] = [0]
  /// The feature numbers of all rows, row after row.
  public private(set) var features: [Int32] = []
  /// The raw count of each entry of ``features``.
  public private(set) var counts: [Double] = []

  private var idByHash: [UInt64: Int32] = [:]
  /// Feature numbers of names, categories and keywords as written: they repeat across
  /// papers, so each spelling is folded once.
  private var idByAuthor: [String: Int32?] = [:]
  private var idByTerm: [Term: Int32] = [:]
  /// Per-row accumulation: a count per feature number and the numbers touched.
  private var scratch: [Double] = []
  private var touched: [Int32] = []

  /// A category (prefix `#`) or keyword (`~`) as written: the two kinds are kept apart, so a
  /// keyword spelt like a category is a feature of its own.
  private struct Term: Hashable {
    var prefix: String
    var text: String
  }

  public init() {}

  /// Rows (documents) appended.
  public var rowCount: Int { rowStarts.count - 1 }

  /// Distinct features seen.
  public var featureCount: Int { keys.count }

  /// The positions in ``features`` and ``counts`` of row `row`.
  public func range(of row: Int) -> Range<Int> { rowStarts[row]..<rowStarts[row + 1] }

  /// Appends `document` as a row.
  public mutating func append(_ document: RecommendDocument) {
    addWords(document.title, weight: ForYouFeatures.titleWeight)
    addWords(document.abstract, weight: 1)
    for author in document.authors {
      let id: Int32?
      if let known = idByAuthor[author] {
        id = known
      } else {
        id = ForYouFeatures.authorKey(author).map { feature($0) }
        idByAuthor[author] = id
      }
      if let id { set(id) }
    }
    for (prefix, terms) in [("#", document.categories), ("~", document.keywords)] {
      for text in terms where !text.isEmpty {
        let term = Term(prefix: prefix, text: text)
        if let id = idByTerm[term] {
          set(id)
        } else {
          let id = feature(prefix + text.lowercased())
          idByTerm[term] = id
          set(id)
        }
      }
    }
    for id in touched {
      features.append(id)
      counts.append(scratch[Int(id)])
      scratch[Int(id)] = 0
    }
    touched.removeAll(keepingCapacity: true)
    rowStarts.append(features.count)
  }

  /// For each feature, how many of the rows `rows` hold it.
  public func rowsHolding(_ rows: Range<Int>) -> [Int] {
    var holding = [Int](repeating: 0, count: keys.count)
    for row in rows {
      for index in range(of: row) { holding[Int(features[index])] += 1 }
    }
    return holding
  }

  /// The number of feature `key` (hashed as ``ForYouFeatures/hash(_:)``), numbering it if new.
  private mutating func feature(_ key: String) -> Int32 {
    feature(hash: ForYouFeatures.hash(key)) { key }
  }

  private mutating func feature(hash: UInt64, key: () -> String) -> Int32 {
    if let id = idByHash[hash] { return id }
    let id = Int32(keys.count)
    idByHash[hash] = id
    keys.append(key())
    hashes.append(hash)
    scratch.append(0)
    return id
  }

  /// Adds `weight` to feature `id`'s count in the current row.
  private mutating func add(_ id: Int32, _ weight: Double) {
    if scratch[Int(id)] == 0 { touched.append(id) }
    scratch[Int(id)] += weight
  }

  /// Sets feature `id`'s count to 1 in the current row (names, categories, keywords).
  private mutating func set(_ id: Int32) {
    if scratch[Int(id)] == 0 { touched.append(id) }
    scratch[Int(id)] = 1
  }

  /// The words of `text`, from its bytes when it is all ASCII (as ``ForYouFeatures``'s
  /// hashed counts read them), through the tokenizer otherwise.
  private mutating func addWords(_ text: String, weight: Double) {
    var text = text
    text.makeContiguousUTF8()
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
      addASCIIWords(bytes, weight: weight)
    }
    if ascii == true { return }
    for token in SearchTokenizer.tokens(text) where ForYouFeatures.isWord(token) {
      add(feature(token), weight)
    }
  }

  /// Counts the words of all-ASCII `bytes` and returns true, or returns false having counted
  /// nothing when a byte is not ASCII.
  private mutating func addASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>, weight: Double) -> Bool {
    for byte in bytes where byte >= 0x80 { return false }
    let start: UInt64 = 0xCBF2_9CE4_8422_2325
    var hash = start
    var length = 0
    var digitsOnly = true
    for index in 0...bytes.count {
      var byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
      switch byte {
      case 0x30...0x39: break
      case 0x41...0x5A:
        byte += 0x20
        digitsOnly = false
      case 0x61...0x7A: digitsOnly = false
      default:
        if length >= 3, !digitsOnly, !ForYouFeatures.stopWordHashes.contains(hash) {
          let word = UnsafeBufferPointer(rebasing: bytes[(index - length)..<index])
          let id = feature(hash: hash) {
            String(decoding: word, as: UTF8.self).lowercased()
          }
          add(id, weight)
        }
        hash = start
        length = 0
        digitsOnly = true
        continue
      }
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      length += 1
    }
    return true
  }
}
