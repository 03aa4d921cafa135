/// Calls `body` with consecutive pieces of `data`, each at most `size` bytes, and the number
/// of bytes passed so far (the piece included).
///
/// Data that is already contiguous (an array, a memory-mapped file) is passed in place; other
/// collections are copied one piece at a time, so memory never holds more than a piece.
func forEachChunk(
  of data: some Collection<UInt8>, size: Int,
  _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
) throws {
  let done: Void? = try data.withContiguousStorageIfAvailable { buffer in
    var start = 0
    while start < buffer.count {
      let end = min(start + size, buffer.count)
      try body(UnsafeBufferPointer(rebasing: buffer[start..<end]), end)
      start = end
    }
  }
  guard done == nil else { return }
  var index = data.startIndex
  var passed = 0
  while index != data.endIndex {
    let end = data.index(index, offsetBy: size, limitedBy: data.endIndex) ?? data.endIndex
    let piece = Array(data[index..<end])
    passed += piece.count
    try piece.withUnsafeBufferPointer { try body($0, passed) }
    index = end
  }
}
