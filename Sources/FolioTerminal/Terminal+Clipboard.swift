import Foundation

extension Terminal {
  /// Puts `text` on the clipboard of the terminal the user sits at, over SSH too (OSC 52).
  public func copyToClipboard(_ text: String) {
    writeRaw(OSC52.sequence(for: text))
  }
}

/// The escape sequence that sets the terminal's clipboard.
public enum OSC52 {
  /// OSC 52 for the clipboard (`c`) with `text` as base64: the text itself never reaches the
  /// terminal, so nothing in it is read as a control sequence.
  public static func sequence(for text: String) -> String {
    "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
  }
}
