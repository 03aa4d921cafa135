import FolioEvaluation
import Foundation
import XCTest

final class TfidfVectorizerTests: XCTestCase {
  func testThreeDocumentsByHand() throws {
    let documents = ["Alpha beta", "alpha gamma gamma", "the delta"]
    let vectorizer = TfidfVectorizer(
      fitting: documents, settings: TfidfVectorizer.Settings(minDF: 1, maxDF: 1))
    // Stop words ("the") go before bigrams are formed; "delta" stays alone.
    XCTAssertEqual(
      Set(vectorizer.vocabulary.keys),
      ["alpha", "beta", "alpha beta", "gamma", "alpha gamma", "gamma gamma", "delta"])
    // alpha is in 2 of 3 documents, the rest in 1: idf = ln((1 + 3) / (1 + df)) + 1.
    let common = log(4.0 / 3) + 1
    let rare = log(2.0) + 1
    // Document 2: alpha once, gamma twice (sublinear: 1 + ln 2), two bigrams once.
    let raw = [
      "alpha": common, "gamma": (1 + log(2.0)) * rare, "alpha gamma": rare, "gamma gamma": rare,
    ]
    let norm = raw.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let row = vectorizer.transform(documents[1])
    XCTAssertEqual(row.count, 4)
    for (term, value) in raw {
      let column = try XCTUnwrap(vectorizer.vocabulary[term])
      let entry = try XCTUnwrap(row.first { $0.index == column })
      XCTAssertEqual(entry.value, value / norm, accuracy: 1e-12, term)
    }
    XCTAssertEqual(vectorizer.transform("the delta").first?.value ?? 0, 1, accuracy: 1e-12)
  }

  func testDocumentFrequencyBoundsAndTokenPattern() {
    let documents = ["alpha beta", "alpha gamma", "alpha delta", "x9 9x café_au Ω"]
    let vectorizer = TfidfVectorizer(
      fitting: documents, settings: TfidfVectorizer.Settings(minDF: 1, maxDF: 0.5))
    // alpha is in 3 of 4 documents, more than max_df allows.
    XCTAssertNil(vectorizer.vocabulary["alpha"])
    XCTAssertNotNil(vectorizer.vocabulary["beta"])
    // Tokens start with a letter or underscore, two characters or more; accents are folded.
    XCTAssertNotNil(vectorizer.vocabulary["x9"])
    XCTAssertNil(vectorizer.vocabulary["9x"])
    XCTAssertNotNil(vectorizer.vocabulary["cafe_au"])
  }
}
