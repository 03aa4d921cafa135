import FolioCore
import FolioStore
import Foundation
import XCTest

@testable import FolioReader

let sampleDay = Day("2026-11-27")!
let earlierDay = Day("2026-11-26")!

/// The reader's test library: the bundled sample listed on 2026-11-27, preceded (by upvotes)
/// by papers that stress the layout, plus two papers a day earlier. One paper is starred and
/// one read.
func makeLibrary(sample: Bool = true) throws -> LibraryStore {
  let store = try LibraryStore.inMemory()
  let longAbstract = (1...30).map {
    "Sentence \($0) of a long abstract explains the method in careful detail, with results on several benchmarks."
  }.joined(separator: " ")
  let specials: [Paper] = [
    Paper.fromSource(
      title: "Scaling Laws for Long Abstracts",
      abstract: longAbstract + " Code: https://github.com/folio/long-abstract.",
      authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"],
      arxivID: "2411.01234v2", published: Day("2026-11-20"), day: sampleDay, source: "hf",
      upvotes: 42, categories: ["cs.LG", "cs.CL"])!,
    Paper.fromSource(
      title: "大規模言語モデルによる論文要約 Large Language Models for Summaries",
      abstract: "本研究では大規模言語モデルを用いた論文要約を提案する。We propose summaries.",
      authors: ["山田 太郎", "Zoë Müller"], day: sampleDay, source: "hf", upvotes: 30)!,
    Paper.fromSource(
      title: "🚀 RocketNet: Launching 👩‍💻 Developers into Orbit ✨",
      abstract: "Emoji 🎉 everywhere in an abstract.", day: sampleDay, source: "hf", upvotes: 20)!,
    Paper.fromSource(
      title: "A Very Long Title "
        + String(repeating: "That Keeps Going Well Past Any Reasonable Terminal Width ", count: 5)
        + "And Finally Ends",
      abstract: "Short.", day: sampleDay, source: "hf", upvotes: 10)!,
  ]
  let earlier: [Paper] = [
    Paper.fromSource(
      title: "Yesterday's First Paper", abstract: "Old news.", day: earlierDay, source: "text")!,
    Paper.fromSource(
      title: "Yesterday's Second Paper", abstract: "Older news.", day: earlierDay, source: "text")!,
  ]
  try store.importPapers(file: "specials", format: "test", source: "hf") { session in
    for paper in specials + earlier { try session.add(paper) }
  }
  if sample {
    let context = ImportContext(file: "sample", day: sampleDay, source: "sample")
    try store.importPapers(file: "sample", format: "text", source: "sample") { session in
      try TextListingImporter().read(BundledSample.bytes, context: context, into: &session)
    }
    let firstSample = try store.summaries(PaperFilter(day: sampleDay), limit: 2, offset: 4)
    try store.setStarred(true, ids: [firstSample[0].id])
    try store.setRead(true, ids: [firstSample[1].id])
  }
  return store
}

extension ReaderState {
  /// An idle tick, with the library effects it asks for (exact counts) carried out at once.
  mutating func idle(now: Double = 0) {
    var pending = handle(.tick, now: now)
    while !pending.isEmpty {
      if let outcome = carryOut(pending.removeFirst()) {
        pending += handle(.completed(outcome), now: now)
      }
    }
  }

  /// Carries out a library effect on the test's library (the store, or the in-memory fake)
  /// as the app would; nil for the effects that are not the library's.
  func carryOut(_ effect: ReaderEffect) -> EffectOutcome? {
    switch library {
    case let store as LibraryStore: effect.outcomeAtOnce(on: store)
    case let fake as InMemoryLibrary: fake.perform(effect)
    default: nil
    }
  }
}

/// Drives a ``ReaderState`` the way the app does: events in, store effects carried out and
/// their outcomes fed back; other effects recorded.
struct ReaderHarness {
  var state: ReaderState
  var clock: Double = 1000
  /// Effects the harness did not carry out (links, clipboard), in order.
  var external: [ReaderEffect] = []
  /// Every effect asked for, in order.
  var effects: [ReaderEffect] = []

  init(
    store: LibraryStore, width: Int = 120, height: Int = 40,
    settings: ReaderSettings = ReaderSettings(libraryName: "test.sqlite")
  ) {
    state = ReaderState(
      store: store, settings: settings, size: Size(width: width, height: height), now: clock)
  }

  /// Sends `event`, carries out its effects, then lets the reader do its idle work (exact
  /// counts) as the app does when no key follows.
  mutating func send(_ event: ReaderEvent, after seconds: Double = 0.1) {
    deliver(event, after: seconds)
    if state.hasPendingWork { deliver(.tick, after: 0) }
  }

  private mutating func deliver(_ event: ReaderEvent, after seconds: Double) {
    clock += seconds
    var pending = state.handle(event, now: clock)
    while !pending.isEmpty {
      let effect = pending.removeFirst()
      effects.append(effect)
      if let outcome = state.carryOut(effect) {
        pending += state.handle(.completed(outcome), now: clock)
      } else {
        external.append(effect)
      }
    }
  }

  mutating func press(_ keys: Key...) {
    for key in keys { send(.key(key)) }
  }

  /// Sends each character as a key press; tab, escape and newline as those keys.
  mutating func type(_ text: String) {
    for character in text {
      switch character {
      case "\t": send(.key(.tab))
      case "\u{1B}": send(.key(.escape))
      case "\n": send(.key(.enter))
      default: send(.key(.character(character)))
      }
    }
  }

  var grid: CellGrid { ReaderView.render(state) }
  var screen: String { grid.textRows.joined(separator: "\n") }
  var selectedTitle: String? { state.selectedSummary?.title }
}
