/// The `?` help while it is open: which context's keys it lists, the filter typed after `/`,
/// and how far it is scrolled. ``HelpPage`` makes its content.
public struct HelpScreen: Hashable, Sendable {
  /// The context the help was opened from: it lists that context's actions.
  public var context: ActionContext
  public var filter = ""
  /// Whether keys go into the filter (after `/`, until Enter or Esc).
  public var isTypingFilter = false
  public var scroll = 0

  public init(context: ActionContext) {
    self.context = context
  }
}
