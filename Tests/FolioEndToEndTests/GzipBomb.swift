/// A gzip stream that expands to zeros without end, made here rather than kept as a file: one
/// fixed-Huffman deflate block of a zero byte followed by matches of 258 bytes at distance 1,
/// 13 bits each, so every 13 bytes sent expand to 2,064 (about 160 to 1) and the block never
/// ends. `prefix` is the gzip header and the block's start (3 bytes of bits); `repeating` is 8
/// matches (104 bits), byte-aligned so it can be sent again and again.
enum GzipBomb {
  static var prefix: [UInt8] {
    var bits = BitWriter()
    bits.write(0, count: 1)  // BFINAL: not the last block
    bits.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
    bits.writeCode(0b0011_0000, count: 8)  // literal 0
    writeMatch(&bits)
    return [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + bits.bytes
  }

  static var repeating: [UInt8] {
    var bits = BitWriter()
    for _ in 0..<8 { writeMatch(&bits) }
    return bits.bytes
  }

  /// Length 258 (code 285, 8 bits 11000101) at distance 1 (code 0, 5 bits).
  static func writeMatch(_ bits: inout BitWriter) {
    bits.writeCode(0b1100_0101, count: 8)
    bits.writeCode(0, count: 5)
  }

  /// Deflate's bit order: values least significant bit first, Huffman codes most significant
  /// bit first.
  struct BitWriter {
    var bytes: [UInt8] = []
    var used = 8

    mutating func bit(_ value: Int) {
      if used == 8 {
        bytes.append(0)
        used = 0
      }
      bytes[bytes.count - 1] |= UInt8(value & 1) << UInt8(used)
      used += 1
    }

    mutating func write(_ value: Int, count: Int) {
      for index in 0..<count { bit(value >> index) }
    }

    mutating func writeCode(_ code: Int, count: Int) {
      for index in (0..<count).reversed() { bit(code >> index) }
    }
  }
}
