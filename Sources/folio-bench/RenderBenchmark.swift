import ArgumentParser
import FolioCore
import FolioReader
import FolioStore

/// `folio-bench render`: the time to build one frame of the reader.
struct RenderBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Time building reader frames (state -> cell grid), no terminal involved.")

  @Option(help: "Terminal width in cells.") var width = 200
  @Option(help: "Terminal height in cells.") var height = 60
  @Option(help: "Frames to render per scenario.") var frames = 2000

  func run() throws {
    let store = try LibraryStore.inMemory()
    let context = ImportContext(file: "sample", day: Day.today(), source: "sample")
    _ = try store.importPapers(file: "sample", format: "text", source: "sample") { session in
      try TextListingImporter().read(BundledSample.bytes, context: context, into: &session)
    }
    var state = ReaderState(
      store: store, settings: ReaderSettings(libraryName: "bench.sqlite"),
      size: Size(width: width, height: height), now: 0)

    print("render at \(width)x\(height), \(frames) frames per scenario, times in ms")
    print("scenario                      p50      p95      max")
    var still: [Double] = []
    for _ in 0..<frames { still.append(measure { _ = ReaderView.render(state) } * 1000) }
    report("same frame", still)

    var moving: [Double] = []
    var clock = 0.0
    for index in 0..<frames {
      clock += 0.01
      let key: Key = index % 200 < 100 ? .character("j") : .character("k")
      moving.append(
        measure {
          _ = state.handle(.key(key), now: clock)
          _ = ReaderView.render(state)
        } * 1000)
    }
    report("key j/k + frame", moving)
  }

  private func report(_ name: String, _ samples: [Double]) {
    let stats = Statistics(samples)
    let columns = [stats.median, stats.p95, stats.maximum].map {
      format($0).padding(toLength: 9, withPad: " ", startingAt: 0)
    }
    print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + columns.joined())
  }
}
