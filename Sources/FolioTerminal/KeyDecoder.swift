import CNCursesW
import FolioReader

/// What one read from the terminal produced.
public enum TerminalInput: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(Size)
}

/// Maps `get_wch` results to reader keys.
enum KeyDecoder {
  /// The key for a character `get_wch` returned with OK.
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 0: return nil
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + code))))
    default:
      guard let scalar = Unicode.Scalar(code), code >= 32 else { return nil }
      return .character(Character(scalar))
    }
  }

  /// The key for a function-key code `get_wch` returned with KEY_CODE_YES.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    default:
      let number = code - folio_key_f0()
      return (1...12).contains(number) ? .function(Int(number)) : nil
    }
  }

  /// The mouse event ncurses has queued, if it is one the reader uses.
  static func mouse() -> MouseEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let state = event.bstate
    let x = Int(event.x)
    let y = Int(event.y)
    if state & folio_mouse_button4_pressed() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
    if state & folio_mouse_button5_pressed() != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
    if state & (folio_mouse_button1_pressed() | folio_mouse_button1_clicked()) != 0 {
      return MouseEvent(.click, x: x, y: y)
    }
    return nil
  }
}
