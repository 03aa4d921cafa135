import FolioCore
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class SysExitTests: XCTestCase {
  /// The names mean what sysexits.h says they mean: the numbers are the C library's.
  func testTheStatusesAreSysexitsNumbers() {
    XCTAssertEqual(SysExit.usage, EX_USAGE)
    XCTAssertEqual(SysExit.dataError, EX_DATAERR)
    XCTAssertEqual(SysExit.noInput, EX_NOINPUT)
    XCTAssertEqual(SysExit.unavailable, EX_UNAVAILABLE)
    XCTAssertEqual(SysExit.cannotCreate, EX_CANTCREAT)
    XCTAssertEqual(SysExit.ioError, EX_IOERR)
  }
}
