import FolioCore
import XCTest

@testable import FolioReader

final class CellGridTests: XCTestCase {
  func testABoxIsFilledAndFramedAndATooSmallOneOnlyFilled() {
    var grid = CellGrid(width: 6, height: 4)
    let border = Style(attributes: .bold)
    grid.drawBox(Rect(x: 1, y: 0, width: 4, height: 3), fill: .plain, border: border)
    XCTAssertEqual(grid.textRows, [" ┌──┐ ", " │  │ ", " └──┘ ", "      "])
    XCTAssertEqual(grid[1, 1].style, border)
    XCTAssertEqual(grid[2, 1].style, .plain)
    var thin = CellGrid(width: 3, height: 1)
    thin.drawBox(Rect(x: 0, y: 0, width: 3, height: 1), fill: border, border: .plain)
    XCTAssertEqual(thin.textRows, ["   "])
    XCTAssertEqual(thin[1, 0].style, border)
  }

  func testWideCharactersTakeTwoCellsAndNeverSpill() {
    var grid = CellGrid(width: 5, height: 1)
    let used = grid.write("漢字漢", x: 0, y: 0, width: 5, style: .plain)
    XCTAssertEqual(used, 5)
    XCTAssertEqual(grid.textRows, ["漢字 "], "the third wide character does not fit in 1 cell")
    XCTAssertTrue(grid[1, 0].isContinuation)
  }

  func testControlsAndEscapesNeverReachCells() {
    var grid = CellGrid(width: 20, height: 1)
    grid.write("a\u{1B}[31mb\u{7}c\u{202E}d\u{200D}e\u{FE0F}", x: 0, y: 0, style: .plain)
    XCTAssertEqual(grid.textRows[0].trimmingCharacters(in: .whitespaces), "a[31mbcde")
    for cell in grid.cells {
      XCTAssertTrue(cell.symbol.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    }
  }

  func testCombiningMarksJoinTheirBase() {
    var grid = CellGrid(width: 4, height: 1)
    XCTAssertEqual(grid.write("e\u{301}x", x: 0, y: 0, style: .plain), 2)
    XCTAssertEqual(grid[0, 0].symbol, "e\u{301}")
    XCTAssertEqual(grid[1, 0].symbol, "x")
  }

  func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.write("漢字", x: 0, y: 0, style: .plain)
    grid.write("x", x: 1, y: 0, style: .plain)
    XCTAssertEqual(grid.textRows, [" x字"])
    grid.write("y", x: 2, y: 0, style: .plain)
    XCTAssertEqual(grid.textRows, [" xy "])
  }

  func testWritingIsClippedToTheGivenWidth() {
    var grid = CellGrid(width: 10, height: 2)
    grid.write("abcdefgh", x: 2, y: 1, width: 3, style: .plain)
    XCTAssertEqual(grid.textRows, ["          ", "  abc     "])
    grid.write("zzz", x: 8, y: 0, style: .plain)
    XCTAssertEqual(grid.textRows[0], "        zz")
    XCTAssertEqual(grid.write("q", x: 0, y: 5, style: .plain), 0)
  }

  func testEveryRowOfEveryScreenIsExactlyTheGridWidth() throws {
    let store = try makeLibrary()
    for (width, height) in [(80, 24), (120, 40), (40, 10), (200, 60), (100, 30), (99, 30)] {
      var harness = ReaderHarness(store: store, width: width, height: height)
      for keys in ["", "j", "jj", "jjj", "\t", "?", "\u{1B}"] {
        harness.type(keys)
        for row in harness.grid.textRows {
          XCTAssertEqual(DisplayWidth.of(row), width, "\(width)x\(height) after '\(keys)': \(row)")
        }
      }
    }
  }

  /// A flood of combining marks or invisible characters costs the room, not the text: a cell
  /// keeps at most ``DisplayWidth/scalarsPerCell`` code points, and what follows a flood too
  /// long for the room is not drawn (issue 15 #10).
  func testAFloodOfMarksIsCutToTheRoom() {
    var grid = CellGrid(width: 4, height: 1)
    let marks = String(repeating: "\u{301}", count: 1_000_000)
    XCTAssertEqual(grid.write("e" + marks + "x", x: 0, y: 0, style: .plain), 1)
    XCTAssertEqual(grid[0, 0].symbol.unicodeScalars.count, DisplayWidth.scalarsPerCell)
    XCTAssertEqual(grid[1, 0].symbol, " ", "the room's scan budget ran out in the flood")
    let invisible = String(repeating: "\u{200B}", count: 1_000_000)
    XCTAssertEqual(grid.write("ab" + invisible + "c", x: 0, y: 0, style: .plain), 2)
    XCTAssertEqual(grid.write("a\u{200B}b\u{301}\u{302}c", x: 0, y: 0, style: .plain), 3)
  }
}
