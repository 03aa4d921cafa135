import XCTest

@testable import FolioCore

final class ArxivIDTests: XCTestCase {
  func testNormalisesEverySpelling() {
    let cases = [
      "2401.01234": "2401.01234",
      "2401.01234v2": "2401.01234",
      "arXiv:2401.01234v2": "2401.01234",
      "http://arxiv.org/abs/1605.08386v1": "1605.08386",
      "https://arxiv.org/pdf/2401.01234v3.pdf": "2401.01234",
      "https://export.arxiv.org/abs/2401.01234": "2401.01234",
      "oai:arXiv.org:2401.01234v1": "2401.01234",
      "0704.0001": "0704.0001",
      "hep-th/9901001": "hep-th/9901001",
      "hep-th/9901001v3": "hep-th/9901001",
      "math.GT/0309136": "math.gt/0309136",
      "http://arxiv.org/abs/solv-int/9901001v2": "solv-int/9901001",
    ]
    for (input, expected) in cases {
      XCTAssertEqual(ArxivID.normalize(input), expected, input)
    }
  }

  /// Issue 15: an Atom `<id>` on a line of its own, or with a query or fragment, was not
  /// recognised, so the paper came in a second time under a title id.
  func testIgnoresSurroundingWhitespaceQueryAndFragment() {
    for input in [
      "\n    http://arxiv.org/abs/2401.01234v1\n  ", "\t2401.01234\r\n",
      "http://arxiv.org/abs/2401.01234v2?x=1", "https://arxiv.org/abs/2401.01234#frag",
      " https://arxiv.org/pdf/2401.01234v1.pdf?download=1#page=2 ",
    ] {
      XCTAssertEqual(ArxivID.normalize(input), "2401.01234", input.debugDescription)
    }
    XCTAssertNil(ArxivID.normalize("?2401.01234"))
  }

  func testRejectsWhatIsNotAnArxivID() {
    for input in ["", "2401", "2401.123", "2401.123456", "abc/123", "hello world", "6abeecb04c48"] {
      XCTAssertNil(ArxivID.normalize(input), input)
    }
  }
}
