import FolioCore
import Foundation
import XCTest

@testable import FolioStore

final class JSONStringsTests: XCTestCase {
  func testReadsWhatTheColumnsWriteForAnyText() throws {
    var generator = SplitMix64(seed: 0x5EED)
    let pieces = ["a", "Zoë", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{7F}", "𝛼", "😀", " ", ","]
    for _ in 0..<500 {
      let items = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in
          pieces.randomElement(using: &generator)!
        }.joined()
      }
      let encoded = PaperColumns.encodeList(items)
      XCTAssertEqual(JSONStrings.list(encoded), items, encoded)
      XCTAssertEqual(PaperColumns.decodeList(encoded), items)
    }
  }

  func testAgreesWithAFullDecoderOnOtherSpellings() throws {
    let texts = [
      #"[ "a" , "b\u00e9" ]"#, #"["\ud83d\ude00"]"#, "[]", " [ ] ", #"["\/x"]"#,
    ]
    for text in texts {
      let expected = try JSONDecoder().decode([String].self, from: Data(text.utf8))
      XCTAssertEqual(JSONStrings.list(text), expected, text)
    }
    XCTAssertEqual(
      JSONStrings.object(#"{"abs":"https://arxiv.org/abs/1","pdf":null, "github":"g"}"#),
      ["abs": "https://arxiv.org/abs/1", "github": "g"])
  }

  func testRejectsWhatItDoesNotUnderstand() {
    for text in [
      "", "[", "[\"a\"", "[1]", "[\"a\",]", "[\"a\"] x", #"["\x"]"#, #"["\ud800"]"#, "{\"a\":1}",
      "[\"a\nb\"]",
    ] {
      XCTAssertNil(JSONStrings.list(text) ?? JSONStrings.object(text), text.debugDescription)
    }
  }
}
