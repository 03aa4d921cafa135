import Foundation

/// The model as bytes, as the library keeps it: a compact binary form (a JSON object of 50,000
/// features would be several times larger and slower to read), checked as it is read, since a
/// damaged library must give an error, not a trap.
extension ForYouModel {
  static let magic: [UInt8] = Array("FOLIO-FY1".utf8)

  /// The model's bytes.
  public func encoded() -> [UInt8] {
    var bytes = Self.magic
    func put<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    put(bias.bitPattern)
    put(defaultIDF.bitPattern)
    put(Int64(positives))
    put(Int64(negatives))
    put(UInt32(weights.count))
    for (key, weight) in weights.sorted(by: { $0.key < $1.key }) {
      let utf8 = Array(key.utf8.prefix(Int(UInt16.max)))
      put(UInt16(utf8.count))
      bytes.append(contentsOf: utf8)
      put(weight.bitPattern)
      put((idf[key] ?? defaultIDF).bitPattern)
    }
    return bytes
  }

  /// The model `bytes` hold, or nil when they are not one (damaged, or from another version).
  public init?(encoded bytes: [UInt8]) {
    var reader = ByteReader(bytes: bytes)
    guard reader.take(Self.magic.count) == Self.magic,
      let bias = reader.integer(UInt64.self).map(Double.init(bitPattern:)),
      let defaultIDF = reader.integer(UInt64.self).map(Double.init(bitPattern:)),
      let positives = reader.integer(Int64.self), let negatives = reader.integer(Int64.self),
      let count = reader.integer(UInt32.self), Int(count) <= Self.featureCap
    else { return nil }
    var weights: [String: Double] = [:]
    var idf: [String: Double] = [:]
    weights.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let length = reader.integer(UInt16.self), let utf8 = reader.take(Int(length)),
        let weight = reader.integer(UInt64.self).map(Double.init(bitPattern:)),
        let value = reader.integer(UInt64.self).map(Double.init(bitPattern:)),
        weight.isFinite, value.isFinite
      else { return nil }
      let key = String(decoding: utf8, as: UTF8.self)
      weights[key] = weight
      idf[key] = value
    }
    guard reader.isAtEnd, bias.isFinite, defaultIDF.isFinite else { return nil }
    self.init(
      weights: weights, idf: idf, defaultIDF: defaultIDF, bias: bias,
      positives: Int(clamping: positives), negatives: Int(clamping: negatives))
  }
}

/// Reads little-endian values from bytes, nil past the end.
private struct ByteReader {
  let bytes: [UInt8]
  var offset = 0

  var isAtEnd: Bool { offset == bytes.count }

  mutating func take(_ count: Int) -> [UInt8]? {
    guard count >= 0, count <= bytes.count - offset else { return nil }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
    guard let raw = take(MemoryLayout<T>.size) else { return nil }
    var value = T.zero
    for (index, byte) in raw.enumerated() { value |= T(truncatingIfNeeded: byte) << (8 * index) }
    return value
  }
}
