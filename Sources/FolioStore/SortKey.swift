import FolioCore

/// The listing order as one integer, so that ordering by it is ordering by day (newest first),
/// then upvotes (most first, unknown last), then listing order (`seq`, first listed first).
///
/// `sort_key` indexes the `paper` table and is the rowid of the full-text index, so a search
/// can walk its matches in listing order and stop after a screenful. Layout, high to low
/// bits: 17 bits of days since 1970, 16 bits of upvotes + 1 (0 when unknown), 30 bits of
/// `seq` inverted. Descending order of the key is the listing order.
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

  /// The keys of papers listed on `day`: `lowerBound ..< upperBound`.
  static func range(of day: Day) -> Range<Int64> {
    let dayPart = min(max(0, Int64(day.ordinal)), maxDayOrdinal)
    return (dayPart << (upvoteBits + seqBits))..<((dayPart + 1) << (upvoteBits + seqBits))
  }

  /// The same computation in SQL, for the migration that adds the column to existing rows.
  static let sql = """
    (min(max(0, CAST(julianday(day) - 2440587.5 AS INTEGER)), \(maxDayOrdinal)) << \(upvoteBits + seqBits))
    | ((CASE WHEN upvotes IS NULL THEN 0 ELSE min(max(0, upvotes), \(maxUpvoteRank - 1)) + 1 END) << \(seqBits))
    | (\(maxSeq) - min(seq, \(maxSeq)))
    """
}
