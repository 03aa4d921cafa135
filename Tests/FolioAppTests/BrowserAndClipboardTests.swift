import XCTest

@testable import FolioApp

/// How links are opened and text handed to tmux: argument vectors, never a shell.
final class BrowserAndClipboardTests: XCTestCase {
  let url = "https://example.org/a?b=1;rm -rf ~"

  func testWithoutBrowserXdgOpenGetsTheURLAsOneArgument() {
    XCTAssertEqual(Browser.command(for: url, environment: [:]), ["xdg-open", url])
    XCTAssertEqual(Browser.command(for: url, environment: ["BROWSER": ""]), ["xdg-open", url])
  }

  func testBrowserTakesItsFirstEntryAndPlacesTheURL() {
    XCTAssertEqual(
      Browser.command(for: url, environment: ["BROWSER": "firefox --new-tab:lynx"]),
      ["firefox", "--new-tab", url])
    XCTAssertEqual(
      Browser.command(for: url, environment: ["BROWSER": "w3m %s -dump"]), ["w3m", url, "-dump"])
  }

  func testOnlyHTTPLinksAreOpened() {
    XCTAssertThrowsError(try Browser.open("file:///etc/passwd")) { error in
      XCTAssertEqual(
        (error as? ChildProcess.Failure)?.message, "refusing to open file:///etc/passwd")
    }
  }

  func testTextGoesToTmuxOnlyInsideIt() {
    XCTAssertNil(Clipboard.tmuxCommand(environment: [:]))
    XCTAssertEqual(
      Clipboard.tmuxCommand(environment: ["TMUX": "/tmp/tmux-1000/default,1,0"]),
      ["tmux", "load-buffer", "-w", "-"])
  }

  func testEditorCommandsAreSplitAtSpaces() {
    XCTAssertEqual(
      ChildProcess.command(fromEnvironment: "EDITOR", environment: ["EDITOR": "code --wait"]),
      ["code", "--wait"])
    XCTAssertNil(ChildProcess.command(fromEnvironment: "EDITOR", environment: ["EDITOR": " "]))
    XCTAssertNil(ChildProcess.command(fromEnvironment: "EDITOR", environment: [:]))
  }
}
