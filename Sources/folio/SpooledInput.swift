import FolioCore
import Foundation

/// Standard input or a FIFO, read in bounded memory: copied a piece at a time to a temporary
/// file in `$TMPDIR` (else /tmp), unlinked as soon as it is made, and memory-mapped like any
/// other input file. So `folio import - < big.json` and `folio import <(cmd)` hold a piece
/// (``pieceSize``) in memory while reading, not the whole input; the copy takes disk space
/// until the import ends, and nothing is left behind however the process ends.
enum SpooledInput {
  /// How much is read at a time: 1 MiB.
  static let pieceSize = 1 << 20

  /// Everything `descriptor` gives until its end, mapped from the spool file. `name` is what
  /// messages call the input.
  static func read(_ descriptor: Int32, name: String) throws -> Data {
    let environment = ProcessInfo.processInfo.environment
    let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    // A TMPDIR that is gone or read-only is a common leftover; /tmp is the usual place.
    guard let (spool, path) = makeFile(in: directory) ?? makeFile(in: "/tmp") else {
      throw CLIError(
        "\(name): cannot make a temporary file in \(directory) to read it into: \(reason())",
        exitCode: SysExit.cannotCreate)
    }
    // Unlinked at once: the file lives while it is open or mapped, and no longer.
    _ = unlink(path)
    defer { close(spool) }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: pieceSize, alignment: 16)
    defer { buffer.deallocate() }
    var total = 0
    while true {
      let count = Foundation.read(descriptor, buffer, pieceSize)
      if count < 0 {
        if errno == EINTR { continue }
        throw CLIError("\(name): cannot read it: \(reason())", exitCode: SysExit.ioError)
      }
      if count == 0 { break }
      var written = 0
      while written < count {
        let step = write(spool, buffer + written, count - written)
        if step < 0 {
          if errno == EINTR { continue }
          throw CLIError(
            "\(name): cannot copy it to a temporary file in \(directory): \(reason())",
            exitCode: SysExit.ioError)
        }
        written += step
      }
      total += count
    }
    guard total > 0 else { return Data() }
    guard let mapped = mmap(nil, total, PROT_READ, MAP_PRIVATE, spool, 0), mapped != MAP_FAILED
    else {
      throw CLIError("\(name): cannot map its copy: \(reason())", exitCode: SysExit.ioError)
    }
    return Data(
      bytesNoCopy: mapped, count: total,
      deallocator: .custom { pointer, count in _ = munmap(pointer, count) })
  }

  /// A new file in `directory`, open for writing, and its path; nil when none can be made.
  private static func makeFile(in directory: String) -> (Int32, String)? {
    var template = Array("\(directory)/folio-import-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    return (descriptor, String(cString: template))
  }

  private static func reason() -> String { String(cString: strerror(errno)) }
}
