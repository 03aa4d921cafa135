/// A hybrid logical clock's timestamp (Kulkarni et al., 2014): the wall clock in milliseconds,
/// a counter for changes within one millisecond (or while the wall clock lags a time already
/// seen), and the device that made it.
///
/// Timestamps are ordered by (wall, counter, device): every device agrees on which of two
/// changes is later, and no two changes share a timestamp (one device never hands out one
/// twice; two devices differ in `device`). A device advances its clock past every timestamp
/// it has seen (``observing(_:)``), so a change made after reading another device's log sorts
/// after everything in it, even when this device's wall clock is an hour behind.
public struct HybridClock: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01 UTC, at most ``wallLimit``.
  public var wall: Int64
  /// Changes before this one at the same `wall`, at most ``counterLimit``.
  public var counter: Int
  /// The device's id (``DeviceID``).
  public var device: String

  /// The latest wall time accepted: 2200-01-01, the end of the days Folio stores
  /// (`Day.supported`). A log claiming a later time is refused, so one bad clock cannot pin
  /// every device's clock in the far future.
  public static let wallLimit: Int64 = 7_258_118_400_000
  /// The largest counter accepted: far more changes than one millisecond sees, small enough
  /// that adding one never overflows.
  public static let counterLimit = 1 << 32

  public init(wall: Int64, counter: Int, device: String) {
    self.wall = wall
    self.counter = counter
    self.device = device
  }

  /// The clock of a new device that has seen nothing: before every timestamp.
  public static func start(device: String) -> HybridClock {
    HybridClock(wall: 0, counter: 0, device: device)
  }

  /// The timestamp of this device's next change, when the wall clock reads `now` (ms) and the
  /// last timestamp handed out or seen is `self`: the wall time is max(now, last wall); the
  /// counter goes up by one when the wall time did not move, else starts at 0. Always later
  /// than `self` (short of the limits, which it saturates at).
  public func next(now: Int64) -> HybridClock {
    let clampedNow = min(max(now, 0), Self.wallLimit)
    if clampedNow > wall {
      return HybridClock(wall: clampedNow, counter: 0, device: device)
    }
    if counter < Self.counterLimit {
      return HybridClock(wall: wall, counter: counter + 1, device: device)
    }
    // The counter is exhausted at this wall time: move the wall on by a millisecond (at the
    // very end of time, stay: a log cannot get there, ``wallLimit`` is refused on reading).
    guard wall < Self.wallLimit else { return self }
    return HybridClock(wall: min(wall + 1, Self.wallLimit), counter: 0, device: device)
  }

  /// This device's clock after seeing `remote`: the later of the two by (wall, counter),
  /// keeping this device's id, so ``next(now:)`` hands out a timestamp after `remote`.
  public func observing(_ remote: HybridClock) -> HybridClock {
    guard (remote.wall, remote.counter) > (wall, counter) else { return self }
    return HybridClock(wall: remote.wall, counter: remote.counter, device: device)
  }

  public static func < (lhs: HybridClock, rhs: HybridClock) -> Bool {
    (lhs.wall, lhs.counter, lhs.device) < (rhs.wall, rhs.counter, rhs.device)
  }

  /// Whether the wall time and counter are inside the limits.
  public var isWithinLimits: Bool {
    (0...Self.wallLimit).contains(wall) && (0...Self.counterLimit).contains(counter)
  }

  public var description: String { "\(wall).\(counter)@\(device)" }
}
