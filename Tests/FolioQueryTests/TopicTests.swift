import XCTest

@testable import FolioQuery

final class TopicTests: XCTestCase {
  func testEveryDefaultTopicParses() throws {
    XCTAssertEqual(TopicSet.defaults.topics.count, TopicSet.defaultDefinitions.count)
    XCTAssertEqual(
      TopicSet.defaults.topics.map(\.name),
      [
        "LLMs", "Agents", "Vision", "Diffusion & generation", "Person re-identification",
        "Reinforcement learning", "Robotics", "Medical", "Speech & audio", "Efficient ML",
        "Continual learning",
      ])
  }

  func testNamesResolveIgnoringCaseAndPunctuationOrByUniquePrefix() throws {
    let topics = TopicSet.defaults
    XCTAssertEqual(try topics.resolve("llms", column: 1).name, "LLMs")
    XCTAssertEqual(try topics.resolve("speech & AUDIO", column: 1).name, "Speech & audio")
    XCTAssertEqual(try topics.resolve("person", column: 1).name, "Person re-identification")
    XCTAssertEqual(try topics.resolve("diffusion", column: 1).name, "Diffusion & generation")
    XCTAssertThrowsError(try topics.resolve("r", column: 4)) { error in
      XCTAssertEqual(
        (error as? QueryError)?.message,
        "topic 'r' is ambiguous: 'Reinforcement learning', 'Robotics'")
    }
  }

  func testUserFileAddsOverridesAndRemovesInFileOrder() {
    let text = """
      # my topics
      [topics]
      "Graph learning" = 'graph* OR GNN'
      LLMs = 'LLM'
      Robotics = ""
      Audio2 = "music"
      """
    let (topics, warnings) = TopicSet.applying(text, file: "topics.toml", to: .defaults)
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(topics.topics.first?.query, "LLM")
    XCTAssertFalse(topics.topics.contains { $0.name == "Robotics" })
    XCTAssertEqual(topics.topics.suffix(2).map(\.name), ["Graph learning", "Audio2"])
  }

  func testABadQueryInTheFileWarnsWithItsLineAndKeepsTheRest() {
    let text = """
      [topics]
      Good = "fine"
      Bad = "(unclosed"
      """
    let (topics, warnings) = TopicSet.applying(
      text, file: "/home/u/.config/folio/topics.toml", to: .defaults)
    XCTAssertEqual(
      warnings.map(\.description),
      [
        "/home/u/.config/folio/topics.toml:3: topic 'Bad': query: column 10: expected ')' after 'unclosed'"
      ])
    XCTAssertTrue(topics.topics.contains { $0.name == "Good" })
    XCTAssertEqual(topics.topics.count, TopicSet.defaults.topics.count + 1)
  }

  func testBrokenTOMLWarnsWithItsLineAndTheDefaultsStillLoad() {
    let text = "[topics]\nGood = \"fine\"\nBroken = \n"
    let (topics, warnings) = TopicSet.applying(text, file: "t.toml", to: .defaults)
    XCTAssertEqual(topics, .defaults)
    XCTAssertEqual(warnings.count, 1)
    XCTAssertEqual(warnings.first?.line, 3)
    XCTAssertTrue(
      warnings[0].description.hasPrefix("t.toml:3: not valid TOML"), warnings[0].description)
  }

  func testWrongShapesWarn() {
    let (_, warnings) = TopicSet.applying(
      "colour = 1\n[topics]\nN = 3\n", file: "t.toml", to: .defaults)
    XCTAssertEqual(
      warnings.map(\.description),
      [
        "t.toml:1: unknown key 'colour' (expected a [topics] table)",
        "t.toml:3: topic 'N': the query must be a string",
      ])
  }

  func testMissingFileIsJustTheDefaults() {
    let (topics, warnings) = TopicSet.loading(userFile: "/nonexistent/topics.toml")
    XCTAssertEqual(topics, .defaults)
    XCTAssertEqual(warnings, [])
  }
}
