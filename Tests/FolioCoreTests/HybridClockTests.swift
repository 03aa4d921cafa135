import XCTest

@testable import FolioCore

/// The hybrid logical clock: later after every step, past everything observed, ordered by
/// (wall, counter, device).
final class HybridClockTests: XCTestCase {
  let device = "00000000000000aa"

  func testNextMovesWithTheWallClockOrCounts() {
    let start = HybridClock.start(device: device)
    let first = start.next(now: 1_000)
    XCTAssertEqual(first, HybridClock(wall: 1_000, counter: 0, device: device))
    let sameMillisecond = first.next(now: 1_000)
    XCTAssertEqual(sameMillisecond, HybridClock(wall: 1_000, counter: 1, device: device))
    // The wall clock stepped back (NTP, a suspended laptop): the clock does not.
    let stepBack = sameMillisecond.next(now: 900)
    XCTAssertEqual(stepBack, HybridClock(wall: 1_000, counter: 2, device: device))
    let later = stepBack.next(now: 1_005)
    XCTAssertEqual(later, HybridClock(wall: 1_005, counter: 0, device: device))
    XCTAssertTrue(start < first && first < sameMillisecond && sameMillisecond < stepBack)
    XCTAssertTrue(stepBack < later)
  }

  func testAChangeAfterObservingSortsAfterWhatWasSeenEvenWithAClockAnHourBehind() {
    let remote = HybridClock(wall: 10_000_000, counter: 7, device: "ffffffffffffffff")
    let behind = HybridClock.start(device: device).next(now: 10_000_000 - 3_600_000)
    let seen = behind.observing(remote)
    XCTAssertEqual(seen.device, device)
    let next = seen.next(now: 10_000_000 - 3_600_000 + 5)
    XCTAssertGreaterThan(next, remote)
    XCTAssertEqual(next, HybridClock(wall: 10_000_000, counter: 8, device: device))
    // Observing something older changes nothing.
    XCTAssertEqual(
      next.observing(HybridClock(wall: 5, counter: 0, device: "ffffffffffffffff")), next)
  }

  func testTiesBreakByDevice() {
    let a = HybridClock(wall: 5, counter: 1, device: "000000000000000a")
    let b = HybridClock(wall: 5, counter: 1, device: "000000000000000b")
    XCTAssertLessThan(a, b)
    XCTAssertLessThan(HybridClock(wall: 5, counter: 0, device: "ffffffffffffffff"), a)
    XCTAssertLessThan(HybridClock(wall: 4, counter: 9, device: "ffffffffffffffff"), a)
  }

  func testLimitsSaturateInsteadOfOverflowing() {
    let top = HybridClock(
      wall: HybridClock.wallLimit, counter: HybridClock.counterLimit, device: device)
    XCTAssertEqual(top.next(now: .max), top)
    let full = HybridClock(wall: 50, counter: HybridClock.counterLimit, device: device)
    XCTAssertEqual(full.next(now: 50), HybridClock(wall: 51, counter: 0, device: device))
    XCTAssertEqual(HybridClock.start(device: device).next(now: -5).wall, 0)
    XCTAssertFalse(
      HybridClock(wall: HybridClock.wallLimit + 1, counter: 0, device: device).isWithinLimits)
  }

  func testDeviceIDsAreSixteenLowercaseHexDigits() {
    var generator = SplitMix64(seed: 3)
    for _ in 0..<100 {
      XCTAssertTrue(DeviceID.isValid(DeviceID.make(using: &generator)))
    }
    XCTAssertTrue(DeviceID.isValid(DeviceID.make()))
    XCTAssertNotEqual(DeviceID.make(), DeviceID.make())
    for bad in [
      "", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "../../etc/passwd",
      "0123456789abcdeg",
    ] {
      XCTAssertFalse(DeviceID.isValid(bad), bad)
    }
  }
}
