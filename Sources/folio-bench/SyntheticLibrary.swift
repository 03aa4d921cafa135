import FolioCore
import FolioStore
import Foundation

/// A library of any size made from the bundled sample: unique titles, abstracts mixed from
/// the sample's sentences, authors from a pool of names, arXiv ids and upvotes on some, spread
/// over days like a real feed (about 300 papers a day).
struct SyntheticLibrary {
  let count: Int
  let seed: UInt64
  /// Whether every paper gets an arXiv id (the JSON Lines snapshot needs one), not every other.
  var everyPaperHasID = false

  static let givenNames = [
    "Ada", "Alan", "Grace", "Kaiyang", "Tao", "Yann", "Fei-Fei", "Geoffrey", "Yoshua", "Andrew",
    "Daphne", "Sebastian", "Chelsea", "Pieter", "Percy", "Christopher", "Jia", "Kaiming", "Ross",
    "Ilya", "Oriol", "Zoë", "Jürgen", "Hugo", "Lucas", "Mei", "Ravi", "Amara", "Sofia", "Jun",
  ]
  static let familyNames = [
    "Lovelace", "Turing", "Hopper", "Zhou", "Xiang", "LeCun", "Li", "Hinton", "Bengio", "Ng",
    "Koller", "Thrun", "Finn", "Abbeel", "Liang", "Manning", "Deng", "He", "Girshick",
    "Sutskever", "Vinyals", "Müller", "Schmidhuber", "Larochelle", "Beyer", "Chen", "Kumar",
    "Okafor", "García", "Wang",
  ]

  /// The papers, generated on demand in order.
  func papers() -> AnySequence<Paper> {
    var sample: [Paper] = []
    let context = ImportContext(file: "sample", day: Day.today(), source: "synthetic")
    try? TextListingImporter().read(BundledSample.bytes, context: context) { sample.append($0) }
    let sentences = sample.map { $0.abstract.components(separatedBy: ". ").filter { !$0.isEmpty } }
    let today = Day.today()
    let count = self.count
    let seed = self.seed
    let everyPaperHasID = self.everyPaperHasID
    return AnySequence { () -> AnyIterator<Paper> in
      var generator = SplitMix64(seed: seed)
      var index = 0
      return AnyIterator {
        guard index < count else { return nil }
        defer { index += 1 }
        let base = sample[index % sample.count]
        let round = index / sample.count
        let title = round == 0 ? base.title : "\(base.title) (study \(round))"
        var abstract: [String] = []
        for _ in 0..<Int.random(in: 5...9, using: &generator) {
          let pool = sentences[Int.random(in: 0..<sentences.count, using: &generator)]
          if let sentence = pool.randomElement(using: &generator) { abstract.append(sentence) }
        }
        let authors = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
          "\(Self.givenNames.randomElement(using: &generator)!) \(Self.familyNames.randomElement(using: &generator)!)"
        }
        let hasID = everyPaperHasID || index % 2 == 0
        let arxivID = hasID ? Self.arxivID(index) : nil
        return Paper.fromSource(
          title: title, abstract: abstract.joined(separator: ". ") + ".", authors: authors,
          arxivID: arxivID, day: today.adding(days: -(index / 300)), source: "synthetic",
          upvotes: hasID ? Int.random(in: 0...80, using: &generator) : nil,
          categories: Self.categories(index), keywords: Self.keywords(index),
          huggingFace: Self.huggingFace(index))
      }
    }
  }

  /// The arXiv id of paper `index` (when it has one).
  static func arxivID(_ index: Int) -> String {
    String(
      format: "%02d%02d.%05d", 10 + (index / 99_999) % 15, 1 + (index / 8_333) % 12,
      index % 99_999)
  }

  /// Writes the library to `path` (which must not exist) in one import, then Semantic
  /// Scholar's facts (untimed); returns the seconds the import took.
  func write(to path: String) throws -> Double {
    let store = try LibraryStore.open(at: path)
    let seconds = try measure {
      _ = try store.importPapers(file: "synthetic", format: "synthetic", source: "synthetic") {
        session in
        for paper in papers() { try session.add(paper) }
      }
    }
    try recordScholarFacts(in: store)
    return seconds
  }
}
