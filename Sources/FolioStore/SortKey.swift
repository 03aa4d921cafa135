import FolioCore

/// The listing order as one integer, so that ordering by it is ordering by day (newest first),
/// then upvotes (most first, unknown last), then listing order (`seq`, first listed first).
///
/// `sort_key` indexes the `paper` table and is the rowid of the full-text index, so a search
/// can walk its matches in listing order and stop after a screenful. Layout, high to low
/// bits: 17 bits of days since 1970, 16 bits of upvotes + 1 (0 when unknown), 30 bits of
/// `seq` inverted. Descending order of the key is the listing order.
///
/// The day part holds 1970-01-01 up to 2328-11-11; Folio accepts days in ``FolioCore/Day/supported``,
/// well inside. A day outside (stored by an older Folio, or written into the file by hand)
/// is clamped to the nearest end, so it shares its day part with others: ``isExact(_:)``
/// says when a day's key range holds only that day's papers.
enum SortKey {
  static let seqBits: Int64 = 30
  static let upvoteBits: Int64 = 16
  static let maxSeq: Int64 = (1 << seqBits) - 1
  static let maxUpvoteRank: Int64 = (1 << upvoteBits) - 1
  static let maxDayOrdinal: Int64 = (1 << 17) - 1

  static func make(day: Day, upvotes: Int?, seq: Int64) -> Int64 {
    let dayPart = min(max(0, Int64(day.ordinal)), maxDayOrdinal)
    let upvotePart = upvotes.map { min(Int64(max(0, $0)), maxUpvoteRank - 1) + 1 } ?? 0
    return dayPart << (upvoteBits + seqBits) | upvotePart << seqBits | (maxSeq - min(seq, maxSeq))
  }

  /// The keys of papers listed on `day`, for any day: at the clamped ends, the range also
  /// holds every key below (the first day) or above (the last), so that rows written with
  /// an out-of-range key are found rather than lost.
  static func range(of day: Day) -> ClosedRange<Int64> {
    let dayPart = min(max(0, Int64(day.ordinal)), maxDayOrdinal)
    let shift = upvoteBits + seqBits
    let lower = dayPart == 0 ? Int64.min : dayPart << shift
    // The last day part's range ends at Int64.max: `(dayPart + 1) << shift` would wrap.
    let upper = dayPart == maxDayOrdinal ? Int64.max : ((dayPart + 1) << shift) - 1
    return lower...upper
  }

  /// Whether ``range(of:)`` holds the keys of `day`'s papers only: false at the clamped ends,
  /// where other days' keys (and keys no day makes) fall too, and the day must be checked.
  static func isExact(_ day: Day) -> Bool {
    day.ordinal > 0 && Int64(day.ordinal) < maxDayOrdinal
  }

  /// The same computation in SQL, for the migration that adds the column to existing rows.
  static let sql = """
    (min(max(0, CAST(julianday(day) - 2440587.5 AS INTEGER)), \(maxDayOrdinal)) << \(upvoteBits + seqBits))
    | ((CASE WHEN upvotes IS NULL THEN 0 ELSE min(max(0, upvotes), \(maxUpvoteRank - 1)) + 1 END) << \(seqBits))
    | (\(maxSeq) - min(seq, \(maxSeq)))
    """
}
