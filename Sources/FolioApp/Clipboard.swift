import Foundation

/// The clipboard beyond the terminal's own (OSC 52, see FolioTerminal): inside tmux the text
/// is also handed to `tmux load-buffer -w`, which stores it and forwards it to the outer
/// terminal whatever tmux's `set-clipboard` says.
public enum Clipboard {
  /// The argument vector that hands text (on its stdin) to tmux, or nil outside tmux.
  public static func tmuxCommand(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String]? {
    environment["TMUX"] == nil ? nil : ["tmux", "load-buffer", "-w", "-"]
  }

  /// Hands `text` to tmux when inside it; does nothing elsewhere or when tmux cannot be run.
  public static func handToTmux(
    _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    guard let command = tmuxCommand(environment: environment) else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
