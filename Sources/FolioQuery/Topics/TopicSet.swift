/// The topics in effect: Folio's defaults, then the user's additions and overrides.
public struct TopicSet: Hashable, Sendable {
  public private(set) var topics: [Topic]

  public init(_ topics: [Topic]) {
    self.topics = topics
  }

  /// The topic `name` names: an exact match ignoring case, spaces and punctuation
  /// (`topic:llms`, `topic:"speech & audio"`), else the only topic whose name starts that way
  /// (`topic:diffusion`, `topic:person`).
  public func resolve(_ name: String, column: Int) throws(QueryError) -> Topic {
    let key = Topic.key(name)
    if let topic = topics.first(where: { Topic.key($0.name) == key }) { return topic }
    let candidates = key.isEmpty ? [] : topics.filter { Topic.key($0.name).hasPrefix(key) }
    if candidates.count == 1 { return candidates[0] }
    if candidates.count > 1 {
      let names = candidates.map { "'\($0.name)'" }.joined(separator: ", ")
      throw QueryError(column: column, "topic '\(name)' is ambiguous: \(names)")
    }
    let names = topics.map(\.name).joined(separator: ", ")
    throw QueryError(column: column, "no topic named '\(name)'; topics are: \(names)")
  }

  /// Adds `topic`, or replaces the topic of the same name (ignoring case and punctuation).
  public mutating func set(_ topic: Topic) {
    if let index = topics.firstIndex(where: { Topic.key($0.name) == Topic.key(topic.name) }) {
      topics[index] = topic
    } else {
      topics.append(topic)
    }
  }

  /// Removes the topic named `name`, if there is one.
  public mutating func remove(named name: String) {
    topics.removeAll { Topic.key($0.name) == Topic.key(name) }
  }
}
