import XCTest

@testable import FolioReader

/// The editing keys the palette and the tag and topic-name prompts share.
final class LineEditTests: XCTestCase {
  func testEditingKeysAndTheLimit() {
    var text = ""
    XCTAssertEqual(
      LineEdit.apply(.deleteCharacter, key: .backspace, to: &text, limit: 3), .backspaceOnEmpty)
    for character in "abcd" {
      XCTAssertEqual(LineEdit.apply(nil, key: .character(character), to: &text, limit: 3), .edited)
    }
    XCTAssertEqual(text, "abc", "the fourth character is refused at the limit")
    XCTAssertEqual(LineEdit.apply(.deleteCharacter, key: .backspace, to: &text, limit: 3), .edited)
    XCTAssertEqual(text, "ab")
    text = "two words "
    XCTAssertEqual(LineEdit.apply(.deleteWord, key: .control("w"), to: &text, limit: 20), .edited)
    XCTAssertEqual(text, "two ")
    XCTAssertEqual(LineEdit.apply(.clearLine, key: .control("u"), to: &text, limit: 20), .edited)
    XCTAssertEqual(text, "")
    XCTAssertEqual(LineEdit.apply(nil, key: .enter, to: &text, limit: 20), .notAnEdit)
    XCTAssertEqual(LineEdit.apply(.accept, key: .enter, to: &text, limit: 20), .notAnEdit)
  }
}
