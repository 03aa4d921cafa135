import XCTest

@testable import FolioCore

/// The sync log's JSON Lines: every change reads back as written; every bad line is a
/// `FILE:LINE: reason` error, never a crash; text is cleaned; a partial last line waits.
final class SyncLogCodecTests: XCTestCase {
  let device = "0f3a9c2e7b1d4e58"

  func clock(_ wall: Int64, _ counter: Int = 0) -> HybridClock {
    HybridClock(wall: wall, counter: counter, device: device)
  }

  var paper: SyncPaperKey { SyncPaperKey(arxivID: "2401.01234", titleKey: "attention is all") }

  func testEveryKindOfChangeRoundTrips() throws {
    let titleOnly = SyncPaperKey(arxivID: nil, titleKey: "a paper without an id")
    let changes = [
      SyncChange(clock: clock(1), paper: paper, edit: .starred(true)),
      SyncChange(clock: clock(1, 1), paper: titleOnly, edit: .read(false)),
      SyncChange(clock: clock(2), paper: paper, edit: .dismissed(true)),
      SyncChange(clock: clock(3), paper: paper, edit: .note("line one\nline \"two\" — ünï")),
      SyncChange(clock: clock(4), paper: paper, edit: .note(nil)),
      SyncChange(clock: clock(5), paper: titleOnly, edit: .tag(TagName("Survey/LLM")!, true)),
      SyncChange(clock: clock(6), paper: paper, edit: .tag(TagName("x")!, false)),
      SyncChange(clock: clock(7), paper: paper, edit: .viewed(true)),
      SyncChange(clock: clock(8), paper: titleOnly, edit: .opened(true)),
      SyncChange(clock: clock(9), paper: paper, edit: .opened(false)),
    ]
    let text = changes.map { SyncLogCodec.encode($0) }.joined()
    XCTAssertEqual(text.split(separator: "\n").count, changes.count)
    let batch = try SyncLogCodec.decode(Array(text.utf8), file: "a.jsonl")
    XCTAssertEqual(batch.changes, changes)
    XCTAssertEqual(batch.consumed, text.utf8.count)
    XCTAssertEqual(batch.lines, changes.count)
    XCTAssertEqual(
      SyncLogCodec.encode(changes[0]),
      #"{"v":1,"wall":1,"counter":0,"device":"0f3a9c2e7b1d4e58","arxiv":"2401.01234","title_key":"attention is all","field":"starred","value":true}"#
        + "\n")
    XCTAssertEqual(
      SyncLogCodec.encode(changes[7]),
      #"{"v":1,"wall":7,"counter":0,"device":"0f3a9c2e7b1d4e58","arxiv":"2401.01234","title_key":"attention is all","field":"viewed","value":true}"#
        + "\n")
  }

  /// A Folio from before a field existed refuses it with a message that says why, rather
  /// than skipping it (a skipped change would be lost for good: its offset moves on).
  func testAnUnknownFieldSaysTheLogMayBeFromANewerFolio() {
    let line =
      #"{"v":1,"wall":1,"counter":0,"device":"0f3a9c2e7b1d4e58","title_key":"t","field":"liked","value":true}"#
      + "\n"
    XCTAssertThrowsError(try SyncLogCodec.decode(Array(line.utf8), file: "d.jsonl")) { error in
      XCTAssertTrue(
        "\(error)".contains("unknown field 'liked'"), "\(error)")
      XCTAssertTrue("\(error)".contains("newer Folio"), "\(error)")
    }
  }

  func testAPartialLastLineIsLeftForTheNextRead() throws {
    let whole = SyncLogCodec.encode(SyncChange(clock: clock(1), paper: paper, edit: .read(true)))
    let text = whole + "\n" + String(whole.prefix(30))
    let batch = try SyncLogCodec.decode(Array(text.utf8), file: "a.jsonl", firstLine: 10)
    XCTAssertEqual(batch.changes.count, 1)
    XCTAssertEqual(batch.consumed, whole.utf8.count + 1)
    XCTAssertEqual(batch.lines, 2)
  }

  func testBadLinesNameFileAndLine() {
    let good =
      #"{"v":1,"wall":1,"counter":0,"device":"0f3a9c2e7b1d4e58","title_key":"t","field":"read","value":true}"#
    let cases: [(String, String)] = [
      ("not json", "not valid JSON"),
      ("[1,2]", "not a JSON object"),
      (good.replacingOccurrences(of: #""v":1"#, with: #""v":2"#), "unsupported log version 2"),
      (good.replacingOccurrences(of: #""wall":1,"#, with: ""), "missing 'wall'"),
      (
        good.replacingOccurrences(of: #""wall":1"#, with: #""wall":"1""#),
        "'wall' has the wrong type"
      ),
      (
        good.replacingOccurrences(of: #""wall":1"#, with: #""wall":1e300"#),
        "'wall' has the wrong type"
      ),
      (good.replacingOccurrences(of: #""wall":1"#, with: #""wall":-1"#), "clock out of range"),
      (
        good.replacingOccurrences(of: #""wall":1"#, with: #""wall":99999999999999"#),
        "clock out of range"
      ),
      (
        good.replacingOccurrences(of: #""counter":0"#, with: #""counter":9999999999999"#),
        "clock out of range"
      ),
      (
        good.replacingOccurrences(of: "0f3a9c2e7b1d4e58", with: "../../etc/passwd"),
        "'device' is not 16"
      ),
      (
        good.replacingOccurrences(of: #""title_key":"t""#, with: #""title_key":"\u001b[2J""#),
        "'title_key' is empty"
      ),
      (
        good.replacingOccurrences(
          of: #""title_key":"t""#, with: #""title_key":"t","arxiv":"nope""#), "is not an arXiv id"
      ),
      (
        good.replacingOccurrences(of: #""value":true"#, with: #""value":1"#),
        "must be true or false"
      ),
      (good.replacingOccurrences(of: #","value":true"#, with: ""), "missing 'value'"),
      (
        good.replacingOccurrences(of: #""field":"read""#, with: #""field":"rating""#),
        "unknown field 'rating'"
      ),
      (good.replacingOccurrences(of: #""field":"read""#, with: #""field":"tag""#), "missing 'tag'"),
      (
        good.replacingOccurrences(of: #""field":"read""#, with: #""field":"tag","tag":"a b""#),
        "a tag name is"
      ),
      (
        good.replacingOccurrences(
          of: #""field":"read","value":true"#, with: #""field":"note","value":5"#),
        "must be a string or null"
      ),
    ]
    for (line, reason) in cases {
      let text = good + "\n\n" + line + "\n"
      XCTAssertThrowsError(try SyncLogCodec.decode(Array(text.utf8), file: "dev.jsonl")) { error in
        let message = (error as? SyncLogError)?.description ?? ""
        XCTAssertTrue(message.hasPrefix("dev.jsonl:3: "), "\(line) -> \(message)")
        XCTAssertTrue(message.contains(reason), "\(line) -> \(message)")
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 }, message)
        XCTAssertEqual((error as? SyncLogError)?.exitCode, 65)
      }
    }
  }

  func testTextFromALogIsCleaned() throws {
    let line =
      #"{"v":1,"wall":1,"counter":0,"device":"0f3a9c2e7b1d4e58","title_key":"a\u001b]52;c;aGk=\u0007b","field":"note","value":"x\u001b[31my\u202ez\n\n"}"#
    let batch = try SyncLogCodec.decode(Array((line + "\n").utf8), file: "f")
    XCTAssertEqual(batch.changes.first?.paper.titleKey, "ab")
    XCTAssertEqual(batch.changes.first?.edit, .note("xyz"))
    let blank = line.replacingOccurrences(of: #""x\u001b[31my\u202ez\n\n""#, with: #"" \u0007 ""#)
    XCTAssertEqual(
      try SyncLogCodec.decode(Array((blank + "\n").utf8), file: "f").changes.first?.edit, .note(nil)
    )
  }

  func testCapsOnLinesNotesAndReads() throws {
    var limits = SyncLogLimits()
    limits.lineBytes = 200
    let long = String(repeating: "x", count: 300)
    XCTAssertThrowsError(
      try SyncLogCodec.decode(Array((long + "\n").utf8), file: "f", limits: limits)
    ) {
      XCTAssertEqual(($0 as? SyncLogError)?.description, "f:1: line longer than 200 bytes")
    }
    // An unterminated line past the cap is an error too, not a wait for ever.
    XCTAssertThrowsError(try SyncLogCodec.decode(Array(long.utf8), file: "f", limits: limits))
    // A note over the cap is written cut, so it reads back.
    var small = SyncLogLimits()
    small.noteScalars = 10
    let change = SyncChange(
      clock: clock(1), paper: paper, edit: .note(String(repeating: "é", count: 50)))
    let line = SyncLogCodec.encode(change, limits: small)
    let read = try SyncLogCodec.decode(Array(line.utf8), file: "f", limits: small)
    XCTAssertEqual(read.changes.first?.edit, .note(String(repeating: "é", count: 10)))
    // At most `changesPerRead` a read; the rest is read next time.
    var few = SyncLogLimits()
    few.changesPerRead = 2
    let three = (1...3).map {
      SyncLogCodec.encode(SyncChange(clock: clock($0), paper: paper, edit: .read(true)))
    }
    let batch = try SyncLogCodec.decode(Array(three.joined().utf8), file: "f", limits: few)
    XCTAssertEqual(batch.changes.count, 2)
    XCTAssertEqual(batch.consumed, three[0].utf8.count + three[1].utf8.count)
  }

  func testInvalidUTF8AndLoneSurrogatesReadAsReplacement() throws {
    var bytes = Array(
      #"{"v":1,"wall":1,"counter":0,"device":"0f3a9c2e7b1d4e58","title_key":"a"#.utf8)
    bytes += [0xFF]
    bytes += Array(#"b\ud800","field":"read","value":true}"#.utf8) + [0x0A]
    let batch = try SyncLogCodec.decode(bytes, file: "f")
    XCTAssertEqual(batch.changes.first?.paper.titleKey, "a\u{FFFD}b\u{FFFD}")
  }

  /// The fast path for lines in the written form reads every line exactly as the full JSON
  /// parser does: random changes (quotes, backslashes, controls, any script), and those lines
  /// with random bytes changed, inserted or removed, give the same change or the same error.
  func testTheFastPathAgreesWithTheFullParser() {
    var generator = SplitMix64(seed: 2121)
    let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\u{1B}[2J", "é", "漢", "🙂", "/", "0", "\u{7F}"]
    func text(_ count: Int) -> String {
      (0..<Int.random(in: 1...count, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
    func outcome(_ bytes: [UInt8], fast: Bool) -> String {
      do {
        return "\(try SyncLogCodec.decodeLine(bytes, limits: SyncLogLimits(), fastPath: fast))"
      } catch {
        return "error: \(error.reason)"
      }
    }
    for _ in 0..<2000 {
      let on = Bool.random(using: &generator)
      let edit: SyncEdit =
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: .starred(on)
        case 1: .read(on)
        case 2: .dismissed(on)
        case 3: .note(on ? text(20) : nil)
        case 5: .viewed(on)
        case 6: .opened(on)
        default: .tag(TagName("t\(Int.random(in: 0..<99, using: &generator))")!, on)
        }
      let change = SyncChange(
        clock: HybridClock(
          wall: Int64.random(in: 0...HybridClock.wallLimit, using: &generator),
          counter: Int.random(in: 0...9, using: &generator), device: device),
        paper: SyncPaperKey(
          arxivID: Bool.random(using: &generator) ? "2401.01234" : nil, titleKey: text(10)),
        edit: edit)
      var bytes = Array(SyncLogCodec.encode(change).utf8.dropLast())
      XCTAssertEqual(outcome(bytes, fast: true), outcome(bytes, fast: false))
      if !bytes.contains(UInt8(ascii: "\\")) {
        XCTAssertNotNil(SyncLogFastPath.parse(bytes), "the written form is read by the fast path")
      }
      for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        let byte = UInt8.random(in: 0...255, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes[at] = byte
        case 1: bytes.insert(byte, at: at)
        default: bytes.remove(at: at)
        }
      }
      XCTAssertEqual(outcome(bytes, fast: true), outcome(bytes, fast: false), "\(bytes)")
    }
  }
}
