import XCTest

@testable import FolioCore

/// The merge rules converge: random interleavings of changes and partial exchanges of logs on
/// three devices, one clock an hour behind and one ahead, end with the same state everywhere,
/// and that state is what the clocks say (per paper and field, the latest change's value).
final class SyncConvergenceTests: XCTestCase {
  let papers = [
    SyncPaperKey(arxivID: "2401.00001", titleKey: "one"),
    SyncPaperKey(arxivID: "2401.00002", titleKey: "two"),
    SyncPaperKey(arxivID: nil, titleKey: "three"),
    SyncPaperKey(arxivID: nil, titleKey: "four"),
  ]
  let tags = ["llm", "LLM", "survey/rl", "todo"].map { TagName($0)! }

  func randomEdit(_ generator: inout SplitMix64) -> SyncEdit {
    let on = Bool.random(using: &generator)
    switch Int.random(in: 0..<8, using: &generator) {
    case 0: return .starred(on)
    case 1: return .read(on)
    case 2: return .dismissed(on)
    // The for-you signals: Folio only sets them, but the rules hold for either value.
    case 6: return .viewed(on)
    case 7: return .opened(on)
    case 3: return .note(on ? "note \(Int.random(in: 0..<5, using: &generator))" : nil)
    default: return .tag(tags.randomElement(using: &generator)!, on)
    }
  }

  func testRandomInterleavingsConvergeToWhatTheClocksSay() {
    for seed in 0..<300 as Range<UInt64> {
      var generator = SplitMix64(seed: seed)
      var devices = (0..<3).map { _ in SyncReplica(device: DeviceID.make(using: &generator)) }
      // Device 1's clock is an hour behind, device 2's a minute ahead.
      let skew: [Int64] = [0, -3_600_000, 60_000]
      // How much of device j's log device i has read.
      var offsets = Array(repeating: Array(repeating: 0, count: 3), count: 3)
      var now: Int64 = 1_790_000_000_000
      for _ in 0..<Int.random(in: 1...200, using: &generator) {
        now += Int64.random(in: 0...3, using: &generator)
        let i = Int.random(in: 0..<3, using: &generator)
        if Bool.random(using: &generator) {
          devices[i].make(
            randomEdit(&generator), on: papers.randomElement(using: &generator)!,
            now: now + skew[i])
        } else {
          let j = (i + Int.random(in: 1...2, using: &generator)) % 3
          let log = devices[j].log
          let upTo = Int.random(in: offsets[i][j]...log.count, using: &generator)
          devices[i].receive(log[offsets[i][j]..<upTo])
          // Sometimes a read is repeated (a crash before the offset was kept): no harm.
          if Bool.random(using: &generator) { offsets[i][j] = upTo }
        }
      }
      for i in 0..<3 {
        for j in 0..<3 where j != i {
          devices[i].receive(devices[j].log[offsets[i][j]...])
        }
      }
      XCTAssertEqual(devices[0].papers, devices[1].papers, "seed \(seed)")
      XCTAssertEqual(devices[1].papers, devices[2].papers, "seed \(seed)")
      XCTAssertEqual(devices[0].papers, expected(devices.flatMap(\.log)), "seed \(seed)")
      if devices[0].papers != devices[1].papers { return }
    }
  }

  /// Per paper and field, the value of the change with the latest clock.
  func expected(_ changes: [SyncChange]) -> [String: SyncReplica.PaperState] {
    var latest: [String: [SyncField: SyncChange]] = [:]
    for change in changes {
      let paper = change.paper.identity
      if let old = latest[paper]?[change.field], old.clock > change.clock { continue }
      latest[paper, default: [:]][change.field] = change
    }
    return latest.mapValues { fields in
      var state = SyncReplica.PaperState()
      for change in fields.values {
        switch change.edit {
        case .starred(let on): state.starred = on
        case .read(let on): state.read = on
        case .dismissed(let on): state.dismissed = on
        case .viewed(let on): state.viewed = on
        case .opened(let on): state.opened = on
        case .note(let text): state.note = text
        case .tag(let name, let on): if on { state.tags[name.key] = name.name }
        }
      }
      return state
    }
  }

  func testALaterChangeOnAClockAnHourBehindStillWins() {
    var laptop = SyncReplica(device: "000000000000000a")
    var workstation = SyncReplica(device: "000000000000000b")
    let paper = papers[0]
    let now: Int64 = 1_790_000_000_000
    laptop.make(.starred(true), on: paper, now: now)
    // The workstation, an hour behind, reads the star and then unstars.
    workstation.receive(laptop.log)
    let unstar = workstation.make(.starred(false), on: paper, now: now + 1_000 - 3_600_000)
    XCTAssertGreaterThan(unstar.clock, laptop.log[0].clock)
    XCTAssertEqual(laptop.receive(workstation.log), 1)
    XCTAssertEqual(laptop.papers[paper.identity]?.starred, false)
    // Taking the same changes in again changes nothing.
    XCTAssertEqual(laptop.receive(workstation.log), 0)
    XCTAssertEqual(workstation.receive(laptop.log), 0)
    XCTAssertEqual(laptop.papers, workstation.papers)
  }

  func testTagsMergePerTag() {
    var a = SyncReplica(device: "000000000000000a")
    var b = SyncReplica(device: "000000000000000b")
    let paper = papers[2]
    a.make(.tag(TagName("llm")!, true), on: paper, now: 10)
    b.make(.tag(TagName("rl")!, true), on: paper, now: 20)
    a.receive(b.log)
    b.receive(a.log)
    XCTAssertEqual(a.papers[paper.identity]?.tags, ["llm": "llm", "rl": "rl"])
    XCTAssertEqual(a.papers, b.papers)
  }

  func testTheForYouSignalsMergeAsFieldsOfTheirOwn() {
    var a = SyncReplica(device: "000000000000000a")
    var b = SyncReplica(device: "000000000000000b")
    let paper = papers[1]
    a.make(.viewed(true), on: paper, now: 10)
    b.make(.opened(true), on: paper, now: 20)
    b.make(.read(true), on: paper, now: 30)
    a.receive(b.log)
    b.receive(a.log)
    XCTAssertEqual(a.papers[paper.identity]?.viewed, true)
    XCTAssertEqual(a.papers[paper.identity]?.opened, true)
    XCTAssertEqual(a.papers[paper.identity]?.read, true)
    XCTAssertEqual(a.papers, b.papers)
  }
}
