import FolioCore
import FolioReader
import FolioStore
import Foundation

/// Measures the reader's state machine and render model on a library, as the terminal loop
/// drives them: handle the key, carry out its library writes, build the frame. Times in ms.
///
/// Between keys, untimed, the reader loads the rows beyond the screen (``ReaderState/prefetch()``)
/// as the app does whenever no key is waiting; ``prefetches`` records what that cost.
struct ReaderMeasurements {
  let store: LibraryStore
  var size = Size(width: 120, height: 40)

  /// The typed sequences of the search measurement.
  static let searches = [
    "l", "le", "lea", "lear", "learning", "person re-id", "diffusion -survey",
    "topic:LLMs is:unread",
    // hf (issue 18): a category, typed key by key.
    "cat:cs.LG",
    // Facets few or no papers have, which a scan of every paper answered (v11-facets).
    "cat:q-bio.NC", "cat:no.such", "kw:RLHF", "org:nvidia",
    // Semantic Scholar's citation count (issue 20), checked row by row.
    "cites:>100",
  ]

  /// A reader on all days, as `a` shows them.
  func reader() -> ReaderState {
    var state = ReaderState(store: store, size: size, now: 0)
    press(.character("a"), on: &state)
    return state
  }

  /// Key to first screenful, for each prefix of each search typed `repeats` times, by prefix.
  func searchKeystrokes(repeats: Int) -> [(typed: String, milliseconds: [Double])] {
    var samples: [String: [Double]] = [:]
    var order: [String] = []
    for _ in 0..<repeats {
      for sequence in Self.searches {
        var state = reader()
        press(.character("/"), on: &state)
        var typed = ""
        for character in sequence {
          typed.append(character)
          if samples[typed] == nil { order.append(typed) }
          samples[typed, default: []].append(timedPress(.character(character), on: &state))
        }
      }
    }
    return order.map { ($0, samples[$0]!) }
  }

  /// One page down at a time through the first `pages` pages.
  func pageMoves(_ pages: Int) -> [Double] {
    var state = reader()
    return (0..<pages).map { _ in timedPress(.pageDown, on: &state) }
  }

  /// Jumps from the top to the end of the listing (and back, untimed), `times` times.
  func jumpsToEnd(_ times: Int) -> [Double] {
    var state = reader()
    return (0..<times).map { _ in
      let milliseconds = timedPress(.end, on: &state)
      press(.home, on: &state)
      return milliseconds
    }
  }

  /// Stars and unstars the selected paper `times` times, each a durable commit.
  func starToggles(_ times: Int) -> [Double] {
    var state = reader()
    let toggles = (0..<times).map { _ in timedPress(.character("s"), on: &state) }
    return toggles
  }

  /// Milliseconds spent prefetching between keys so far.
  var prefetches: [Double] { prefetchLog.samples }
  private let prefetchLog = SampleLog()

  @discardableResult
  func timedPress(_ key: Key, on state: inout ReaderState) -> Double {
    let milliseconds = measure { deliver(key, to: &state) } * 1000
    if state.wantsPrefetch {
      prefetchLog.samples.append(measure { state.prefetch() } * 1000)
    }
    return milliseconds
  }

  /// Presses `key` and lets the reader prefetch, untimed.
  func press(_ key: Key, on state: inout ReaderState) {
    deliver(key, to: &state)
    state.prefetch()
  }

  /// Handles `key`, carries out the writes it asks for, and builds the frame.
  private func deliver(_ key: Key, to state: inout ReaderState) {
    var pending = state.handle(.key(key), now: 0)
    while !pending.isEmpty {
      let effect = pending.removeFirst()
      if let outcome = effect.outcomeAtOnce(on: store) {
        pending += state.handle(.completed(outcome), now: 0)
      }
    }
    _ = ReaderView.render(state)
  }
}

/// Samples collected across copies of a measurement.
final class SampleLog {
  var samples: [Double] = []
}
