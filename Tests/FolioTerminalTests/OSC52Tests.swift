import XCTest

@testable import FolioTerminal

/// The clipboard's escape sequence: the text travels as base64, so nothing in it reaches the
/// terminal as a control sequence.
final class OSC52Tests: XCTestCase {
  func testTextIsSentAsBase64() {
    XCTAssertEqual(OSC52.sequence(for: "https://a.b/c"), "\u{1B}]52;c;aHR0cHM6Ly9hLmIvYw==\u{07}")
  }

  func testControlsInTheTextStayInert() {
    let sequence = OSC52.sequence(for: "x\u{07}\u{1B}]52;c;evil\u{1B}\\ ü")
    let payload = sequence.dropFirst("\u{1B}]52;c;".count).dropLast()
    XCTAssertTrue(
      payload.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) && $0.isASCII || "+/=".unicodeScalars.contains($0)
      }, String(payload))
  }
}
