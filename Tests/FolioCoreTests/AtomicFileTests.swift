import FolioCore
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// Someone who can write the directory plants links at the names the writer will try: the
  /// file they point to is never written, and the export still lands where it was asked to.
  func testALinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
    let precious = path("precious.txt")
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: precious))
    for name in [".export.md.planted", ".export.md.dangling"] {
      try FileManager.default.createSymbolicLink(
        atPath: path(name), withDestinationPath: name.hasSuffix("planted") ? precious : path("new"))
    }
    var names = [".export.md.planted", ".export.md.dangling", ".export.md.free"].makeIterator()
    try AtomicFile.write(Array("# Starred\n".utf8), to: path("export.md")) { _ in names.next()! }

    XCTAssertEqual(try String(contentsOfFile: precious, encoding: .utf8), "keep me")
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: path("new")), "a dangling link was followed")
    XCTAssertEqual(try String(contentsOfFile: path("export.md"), encoding: .utf8), "# Starred\n")
    // The planted links are someone else's: left as they were.
    XCTAssertEqual(
      try FileManager.default.destinationOfSymbolicLink(atPath: path(".export.md.planted")),
      precious)
    XCTAssertFalse(FileManager.default.fileExists(atPath: path(".export.md.free")))
  }

  func testEveryNameTakenFailsAndLeavesTheTargetAlone() throws {
    try Data("old".utf8).write(to: URL(fileURLWithPath: path("export.md")))
    try Data().write(to: URL(fileURLWithPath: path(".taken")))
    XCTAssertThrowsError(
      try AtomicFile.write(Array("new".utf8), to: path("export.md")) { _ in ".taken" }
    ) {
      XCTAssertEqual(($0 as? AtomicFile.Failure)?.code, EEXIST)
    }
    XCTAssertEqual(try String(contentsOfFile: path("export.md"), encoding: .utf8), "old")
  }

  func testTheDefaultNamesAreFreshAndNothingIsLeftBehind() throws {
    for round in 0..<3 {
      try AtomicFile.write(Array("round \(round)".utf8), to: path("out.md"))
    }
    XCTAssertEqual(try String(contentsOfFile: path("out.md"), encoding: .utf8), "round 2")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out.md"])
  }
}

/// What is at the path decides how it is written: only regular files, through links, keeping
/// their mode, owner and hard links; anything else is refused and left as it was.
final class AtomicFileTargetTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-target-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  func text(_ name: String) throws -> String {
    try String(contentsOfFile: path(name), encoding: .utf8)
  }

  func status(_ path: String, following: Bool = false) -> stat {
    var info = stat()
    XCTAssertEqual(following ? stat(path, &info) : lstat(path, &info), 0, path)
    return info
  }

  func assertRefused(
    _ target: String, _ kind: AtomicFile.FileKind, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertThrowsError(
      try AtomicFile.write(Array("new".utf8), to: target), file: file, line: line
    ) {
      let failure = $0 as? AtomicFile.Failure
      XCTAssertEqual(failure?.refused, kind, file: file, line: line)
      XCTAssertEqual(
        failure?.reason, "it is \(kind), not a regular file; left as it was", file: file, line: line
      )
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
        $0.hasSuffix(".tmp")
      }, [], "no temporary file is left", file: file, line: line)
  }

  /// A FIFO nobody reads would block an open for writing forever; it is refused without
  /// opening it, and stays a FIFO.
  func testAFIFOIsRefusedWithoutBlockingAndStaysAFIFO() throws {
    XCTAssertEqual(mkfifo(path("pipe"), 0o644), 0)
    assertRefused(path("pipe"), .fifo)
    XCTAssertEqual(status(path("pipe")).st_mode & S_IFMT, S_IFIFO)
    // Through a link too (as /dev/stdout is a link to a pipe): the link and the FIFO stay.
    try FileManager.default.createSymbolicLink(atPath: path("out"), withDestinationPath: "pipe")
    assertRefused(path("out"), .fifo)
    XCTAssertEqual(status(path("out")).st_mode & S_IFMT, S_IFLNK)
    XCTAssertEqual(status(path("pipe")).st_mode & S_IFMT, S_IFIFO)
  }

  func testADirectoryIsRefusedAndKeepsItsContents() throws {
    try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: false)
    try Data("inside".utf8).write(to: URL(fileURLWithPath: path("dir/file")))
    assertRefused(path("dir"), .directory)
    XCTAssertEqual(try text("dir/file"), "inside")
  }

  /// As root, `export -o /dev/null` used to turn the device into a regular file. A private
  /// copy of /dev/null (made with mknod, so the real one is never at risk) stays a device.
  /// Device 1:3, /dev/null's number (major 1, minor 3 in Linux's encoding of small numbers).
  static let nullDevice: dev_t = 0x103

  func testACharacterDeviceStaysADevice() throws {
    try XCTSkipUnless(getuid() == 0, "making a device node needs root")
    guard mknod(path("null"), S_IFCHR | 0o666, Self.nullDevice) == 0 else {
      throw XCTSkip("mknod is not allowed here")
    }
    assertRefused(path("null"), .characterDevice)
    let info = status(path("null"))
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
    XCTAssertEqual(info.st_rdev, Self.nullDevice)
  }

  func testAnExistingFileKeepsItsModeAndANewOneFollowsTheUmask() throws {
    try Data("old".utf8).write(to: URL(fileURLWithPath: path("private.md")))
    XCTAssertEqual(chmod(path("private.md"), 0o600), 0)
    try AtomicFile.write(Array("new".utf8), to: path("private.md"))
    XCTAssertEqual(try text("private.md"), "new")
    XCTAssertEqual(status(path("private.md")).st_mode & 0o7777, 0o600)

    let mask = umask(0o027)
    defer { umask(mask) }
    try AtomicFile.write(Array("fresh".utf8), to: path("fresh.md"))
    XCTAssertEqual(status(path("fresh.md")).st_mode & 0o7777, 0o640)
    try AtomicFile.write(Array("secret".utf8), to: path("secret.md"), mode: 0o600)
    XCTAssertEqual(status(path("secret.md")).st_mode & 0o7777, 0o600)
  }

  /// A dotfile kept elsewhere and linked in: the content reaches the file the chain of links
  /// ends at, relative links included, and every link stays a link.
  func testASymbolicLinkIsWrittenThroughAndStaysALink() throws {
    try FileManager.default.createDirectory(
      atPath: path("dotfiles"), withIntermediateDirectories: false)
    try Data("old".utf8).write(to: URL(fileURLWithPath: path("dotfiles/real.md")))
    XCTAssertEqual(chmod(path("dotfiles/real.md"), 0o640), 0)
    try FileManager.default.createSymbolicLink(
      atPath: path("dotfiles/alias.md"), withDestinationPath: "real.md")
    try FileManager.default.createSymbolicLink(
      atPath: path("export.md"), withDestinationPath: path("dotfiles/alias.md"))
    try AtomicFile.write(Array("new".utf8), to: path("export.md"))

    XCTAssertEqual(try text("dotfiles/real.md"), "new")
    XCTAssertEqual(status(path("export.md")).st_mode & S_IFMT, S_IFLNK)
    XCTAssertEqual(status(path("dotfiles/alias.md")).st_mode & S_IFMT, S_IFLNK)
    XCTAssertEqual(status(path("dotfiles/real.md")).st_mode & 0o7777, 0o640)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: path("dotfiles")).sorted(),
      ["alias.md", "real.md"])
  }

  /// A dangling link names the file to create, as in editors.
  func testADanglingLinkCreatesItsTarget() throws {
    try FileManager.default.createSymbolicLink(
      atPath: path("link.md"), withDestinationPath: "made.md")
    try AtomicFile.write(Array("made".utf8), to: path("link.md"))
    XCTAssertEqual(try text("made.md"), "made")
    XCTAssertEqual(status(path("link.md")).st_mode & S_IFMT, S_IFLNK)
  }

  func testALinkLoopFailsAndChangesNothing() throws {
    try FileManager.default.createSymbolicLink(atPath: path("a"), withDestinationPath: "b")
    try FileManager.default.createSymbolicLink(atPath: path("b"), withDestinationPath: "a")
    XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: path("a"))) {
      XCTAssertEqual(($0 as? AtomicFile.Failure)?.code, ELOOP)
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["a", "b"])
  }

  /// A file with other hard links is rewritten in place, so every name sees the new contents
  /// (replacing it would leave the other names with the old ones).
  func testAHardLinkedFileKeepsItsLinks() throws {
    try Data("old contents, longer than the new".utf8).write(
      to: URL(fileURLWithPath: path("one.md")))
    XCTAssertEqual(link(path("one.md"), path("two.md")), 0)
    let before = status(path("one.md"))
    try AtomicFile.write(Array("new".utf8), to: path("one.md"))
    XCTAssertEqual(try text("one.md"), "new")
    XCTAssertEqual(try text("two.md"), "new")
    let after = status(path("one.md"))
    XCTAssertEqual(after.st_ino, before.st_ino)
    XCTAssertEqual(after.st_nlink, 2)
  }

  /// Root writing a user's file (a config saved under sudo) leaves it the user's.
  func testTheOwnerIsKept() throws {
    try XCTSkipUnless(getuid() == 0, "giving a file away needs root")
    try Data("old".utf8).write(to: URL(fileURLWithPath: path("theirs.md")))
    XCTAssertEqual(chown(path("theirs.md"), 65534, 65534), 0)
    try AtomicFile.write(Array("new".utf8), to: path("theirs.md"))
    let info = status(path("theirs.md"))
    XCTAssertEqual(info.st_uid, 65534)
    XCTAssertEqual(info.st_gid, 65534)
    XCTAssertEqual(try text("theirs.md"), "new")
  }

  func testAMissingDirectoryOrAFileAsDirectoryFails() throws {
    try Data("file".utf8).write(to: URL(fileURLWithPath: path("plain")))
    XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: path("plain/out.md"))) {
      XCTAssertEqual(($0 as? AtomicFile.Failure)?.code, ENOTDIR)
    }
    XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: path("missing/out.md"))) {
      XCTAssertEqual(($0 as? AtomicFile.Failure)?.code, ENOENT)
    }
  }
}
