/// Why a file could not be imported, pointing at the place in it: `file:line:column: reason`.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// 1-based line, when the problem has one.
  public var line: Int?
  /// 1-based column, when the problem has one.
  public var column: Int?
  public var reason: String

  public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): \(reason)"
  }
}
