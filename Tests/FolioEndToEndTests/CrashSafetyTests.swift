import FolioCore
import Foundation
import GRDB
import XCTest

/// `kill -9` at random moments of real `folio` processes: star/unstar bursts from the command
/// line, large imports, and the reader starring with keys sent through tmux. After every kill
/// the library passes `PRAGMA integrity_check`, every acknowledged change is there (the command
/// exited 0, or the screen said so), a killed command changed all of its papers or none, and
/// an import is all of its file or none of it.
///
/// `FOLIO_CRASH_KILLS` sets the number of kills (default 50, as in CI; `scripts/crash-safety`
/// runs 1,000), `FOLIO_CRASH_SEED` replays a run, `FOLIO_CRASH_REPORT` names a file for the
/// summary line.
final class CrashSafetyTests: XCTestCase {
  func testKillNineAtRandomMomentsLosesNothingAcknowledged() throws {
    let environment = ProcessInfo.processInfo.environment
    let kills = environment["FOLIO_CRASH_KILLS"].flatMap { Int($0) } ?? 50
    let seed = environment["FOLIO_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...9999)
    var random = SplitMix64(seed: seed)
    var tally = CrashTally()
    let started = Date()
    var harness: CrashHarness? = nil
    for index in 0..<kills {
      // A fresh library every 25 kills keeps each run's work the same size.
      if index % 25 == 0 { harness = try CrashHarness(self) }
      let kind = CrashTally.Kind.allCases[index % 3]
      do {
        switch kind {
        case .commandLine: try harness!.killStarBurst(index, &random, &tally)
        case .importing: try harness!.killImport(index, &random, &tally)
        case .reader: try harness!.killReader(index, &random, &tally)
        }
        try harness!.verify(&tally)
      } catch {
        XCTFail("kill \(index) (\(kind), seed \(seed)): \(error)")
        return
      }
      tally.kills[kind, default: 0] += 1
    }
    let summary = tally.summary(seed: seed, seconds: Date().timeIntervalSince(started))
    print(summary)
    if let path = environment["FOLIO_CRASH_REPORT"] {
      try Data((summary + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }
    XCTAssertEqual(tally.failures, [], "seed \(seed)")
  }
}

/// What the kills found.
struct CrashTally {
  enum Kind: String, CaseIterable {
    case commandLine = "star/unstar"
    case importing = "import"
    case reader
  }

  var kills: [Kind: Int] = [:]
  /// Kills that landed while the process ran (the rest found it already exited: acknowledged).
  var killedRunning: [Kind: Int] = [:]
  /// Killed commands whose change was committed all the same, before the kill.
  var committedBeforeKill = 0
  var importsWhole = 0
  var importsNone = 0
  var acknowledgedChecked = 0
  var integrityChecks = 0
  var failures: [String] = []

  func summary(seed: UInt64, seconds: Double) -> String {
    let total = kills.values.reduce(0, +)
    let byKind = Kind.allCases.map {
      "\(kills[$0] ?? 0) \($0.rawValue) (\(killedRunning[$0] ?? 0) while running)"
    }
    return "crash-safety: \(total) kills in \(Int(seconds)) s, seed \(seed): "
      + byKind.joined(separator: ", ") + "; integrity_check ok \(integrityChecks)/\(total)"
      + "; acknowledged paper states checked \(acknowledgedChecked)"
      + "; killed changes that had committed \(committedBeforeKill)"
      + "; imports whole \(importsWhole), none \(importsNone), partial 0"
      + "; failures \(failures.count)"
  }
}

/// One library, one reader session, and what is known about the library's stars.
final class CrashHarness {
  let folio: FolioRunner
  let tmux: TmuxSession
  /// Today's papers in listing order: the reader's rows.
  let ids: [String]
  /// Each paper's star as last acknowledged; nil while a killed command may or may not have
  /// changed it.
  var starred: [String: Bool?] = [:]
  /// The papers a killed command was changing (those not already as it would leave them), with
  /// the value it was setting.
  var inDoubt: (ids: [String], value: Bool)? = nil
  /// The import a kill interrupted: the title prefix of its papers, how many, and whether it
  /// had already exited 0.
  var pendingImport: (prefix: String, count: Int, acknowledged: Bool)? = nil
  /// Typical durations, to spread the kills over a process's whole life.
  var commandSeconds = 0.1
  var importSeconds = 1.0

  init(_ testCase: XCTestCase) throws {
    folio = try FolioRunner(testCase)
    let imported = try folio.run(["import", FolioRunner.sample])
    guard imported.status == 0 else { throw CrashError("importing the sample: \(imported.stderr)") }
    ids = try folio.rows().map { $0[0] }
    for id in ids { starred[id] = false }
    tmux = try TmuxSession(
      ["/bin/cat"], environment: folio.environment, keepAfterExit: true,
      testCase: testCase)
  }

  // MARK: - Kills

  /// One to four star/unstar commands that finish, then one killed at a random moment.
  func killStarBurst(_ index: Int, _ random: inout SplitMix64, _ tally: inout CrashTally) throws {
    for _ in 0..<random.next(in: 1...4) {
      let (arguments, ids, value) = starCommand(&random)
      let began = Date()
      let result = try folio.run(arguments)
      guard result.status == 0 else { throw CrashError("\(arguments): \(result.stderr)") }
      commandSeconds = 0.8 * commandSeconds + 0.2 * Date().timeIntervalSince(began)
      for id in ids { starred[id] = value }
    }
    let (arguments, ids, value) = starCommand(&random)
    let outcome = try spawnAndKill(arguments, after: random.unit() * commandSeconds * 1.2)
    if outcome == .exitedZero {
      for id in ids { starred[id] = value }
    } else {
      if outcome == .killed { tally.killedRunning[.commandLine, default: 0] += 1 }
      doubt(ids, value)
    }
  }

  /// An import of 3,000 new papers killed at a random moment.
  func killImport(_ index: Int, _ random: inout SplitMix64, _ tally: inout CrashTally) throws {
    let prefix = "Crash import \(index) paper"
    let count = 3000
    var text = ""
    for number in 0..<count {
      text += "\(prefix) \(number)\nAbstract \(number) of import \(index).\n"
    }
    let file = try folio.file("import-\(index).txt", text: text)
    // An old day, so the reader's listing (today's papers) stays as it is.
    let arguments = ["import", "--day", "2000-01-01", file]
    let began = Date()
    let outcome = try spawnAndKill(arguments, after: random.unit() * importSeconds * 1.2)
    if outcome == .exitedZero {
      importSeconds = 0.7 * importSeconds + 0.3 * Date().timeIntervalSince(began)
    } else if outcome == .killed {
      tally.killedRunning[.importing, default: 0] += 1
    }
    pendingImport = (prefix, count, outcome == .exitedZero)
  }

  /// The reader stars or unstars a paper and says so, then is killed at a random moment after
  /// the next `s`.
  func killReader(_ index: Int, _ random: inout SplitMix64, _ tally: inout CrashTally) throws {
    try tmux.respawn([FolioRunner.binary.path])
    try tmux.waitFor("1/\(ids.count)")
    let first = random.next(in: 0...8)
    try select(first)
    try tmux.send("s")
    let expected = !(starred[ids[first]]! ?? false)
    try tmux.waitFor(expected ? " starred " : " unstarred ")
    starred[ids[first]] = expected

    let second = random.next(in: 0...8)
    try select(second)
    let pid = try tmux.pid()
    let value = !(starred[ids[second]]! ?? false)
    doubt([ids[second]], value)
    try tmux.send("s")
    // Starring commits within a few milliseconds of the key: kill somewhere around that.
    usleep(UInt32(random.unit() * 10_000))
    if kill(pid, SIGKILL) == 0 { tally.killedRunning[.reader, default: 0] += 1 }
    try TmuxSession.waitUntil("the reader to die") { try tmux.isDead() }
  }

  // MARK: - Checks

  /// The library after a kill: intact, every acknowledged star as it was left, the killed
  /// change whole or absent, the killed import whole or absent.
  func verify(_ tally: inout CrashTally) throws {
    let library = try folio.database()
    let (integrity, stars, imported, runs) = try library.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA integrity_check"),
        Set(
          try String.fetchAll(
            db,
            sql: """
              SELECT p.id FROM paper p JOIN paper_state s ON s.paper_seq = p.seq
              WHERE s.starred_at IS NOT NULL
              """)),
        try pendingImport.map { pending in
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM paper WHERE title LIKE ?",
            arguments: [pending.prefix + " %"]) ?? -1
        },
        try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? -1
      )
    }
    try library.close()
    func fail(_ message: String) { tally.failures.append(message) }
    if integrity == "ok" {
      tally.integrityChecks += 1
    } else {
      fail("integrity_check: \(integrity ?? "nil")")
    }

    for (id, known) in starred {
      guard let value = known else { continue }
      tally.acknowledgedChecked += 1
      if stars.contains(id) != value { fail("\(id) should be \(value ? "starred" : "unstarred")") }
    }
    if let (ids, value) = inDoubt {
      let changed = ids.filter { stars.contains($0) == value }
      if !changed.isEmpty && changed.count != ids.count {
        fail("a killed command changed \(changed.count) of its \(ids.count) papers")
      }
      if !changed.isEmpty { tally.committedBeforeKill += 1 }
      for id in ids { starred[id] = stars.contains(id) }
      inDoubt = nil
    }
    if let pending = pendingImport, let imported {
      if imported == pending.count {
        tally.importsWhole += 1
      } else if imported == 0 && !pending.acknowledged {
        tally.importsNone += 1
      } else {
        fail("import \(pending.prefix): \(imported) of \(pending.count) papers")
      }
      pendingImport = nil
    }
    if runs < 1 { fail("import_run lost its rows") }
  }

  // MARK: - Helpers

  /// Marks the papers among `ids` that `value` would change as unknown until the next check.
  func doubt(_ ids: [String], _ value: Bool) {
    let changing = ids.filter { starred[$0]! != value }
    for id in changing { starred[id] = Bool?.none }
    inDoubt = (changing, value)
  }

  /// `star` or `unstar` of one to three papers among the first nine, and what it sets.
  func starCommand(_ random: inout SplitMix64) -> ([String], [String], Bool) {
    let value = random.next(in: 0...1) == 1
    var chosen: [String] = []
    for _ in 0..<random.next(in: 1...3) {
      let id = ids[random.next(in: 0...8)]
      if !chosen.contains(id) { chosen.append(id) }
    }
    return ([value ? "star" : "unstar"] + chosen, chosen, value)
  }

  /// Moves the reader's selection to row `row` (0-based) from wherever it is.
  func select(_ row: Int) throws {
    try tmux.send("g")
    for _ in 0..<row { try tmux.send("j") }
    try tmux.waitFor("\(row + 1)/\(ids.count)")
  }

  enum Outcome { case exitedZero, killed, failed }

  /// Starts `folio arguments...`, kills it with SIGKILL after `seconds` unless it has exited,
  /// and says which happened.
  func spawnAndKill(_ arguments: [String], after seconds: Double) throws -> Outcome {
    let process = Process()
    process.executableURL = FolioRunner.binary
    process.arguments = arguments
    process.environment = folio.environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(UInt32(max(0, seconds) * 1_000_000))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    if process.terminationReason == .uncaughtSignal { return .killed }
    if process.terminationStatus == 0 { return .exitedZero }
    throw CrashError("\(arguments) exited \(process.terminationStatus)")
  }
}

struct CrashError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Draws for the kill schedule, so a failing run can be replayed with its seed.
extension SplitMix64 {
  /// A number in `range`.
  mutating func next(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// A number in 0..<1.
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
