import FolioCore
import FolioFuzzing
import Foundation

// `folio-fuzz TARGET [ARGS...]` runs one fuzz target (text, hf, atom, rss, jsonl, query, http).
//
// Built with `-sanitize=fuzzer -DFOLIO_FUZZ` (scripts/fuzz does it), ARGS are libFuzzer's: corpus
// directories and flags such as -max_total_time=30. In a plain build, ARGS are input files to
// replay, so a crash file can be rerun and debugged without the fuzzer.

// libFuzzer starts copies of this program with its own flags but without the target name
// (to merge corpora): they find the target in FOLIO_FUZZ_TARGET, set below.
var arguments = CommandLine.arguments
if arguments.count < 2 || FuzzTarget(rawValue: arguments[1]) == nil,
  let inherited = ProcessInfo.processInfo.environment["FOLIO_FUZZ_TARGET"]
{
  arguments.insert(inherited, at: 1)
}
guard arguments.count >= 2, let chosen = FuzzTarget(rawValue: arguments[1]) else {
  let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
  FileHandle.standardError.write(Data("usage: folio-fuzz \(names) [ARGS...]\n".utf8))
  exit(SysExit.usage)
}
setenv("FOLIO_FUZZ_TARGET", chosen.rawValue, 1)

/// The target being run, where libFuzzer's C callback (which cannot capture) finds it.
enum Fuzzing {
  nonisolated(unsafe) static var target = FuzzTarget.text

  /// Runs the target on one input; a broken promise stops the process, so the fuzzer keeps
  /// the input as a crash.
  static func check(_ bytes: [UInt8]) {
    let findings = target.findings(bytes)
    guard findings.isEmpty else {
      FileHandle.standardError.write(Data(findings.joined(separator: "\n").utf8 + [0x0A]))
      fatalError("folio-fuzz \(target.rawValue): \(findings.count) broken promise(s)")
    }
  }
}
Fuzzing.target = chosen

#if FOLIO_FUZZ
  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  // libFuzzer reads its flags from argv: hand it ours without the target name.
  let fuzzerArguments = [arguments[0]] + arguments.dropFirst(2)
  let cArguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
    capacity: fuzzerArguments.count + 1)
  for (index, argument) in fuzzerArguments.enumerated() { cArguments[index] = strdup(argument) }
  cArguments[fuzzerArguments.count] = nil
  var argc = CInt(fuzzerArguments.count)
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = cArguments
  exit(
    runDriver(&argc, &argv) { data, size in
      Fuzzing.check(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
      return 0
    })
#else
  var failed = false
  for path in arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("folio-fuzz: cannot read \(path)\n".utf8))
      failed = true
      continue
    }
    Fuzzing.check([UInt8](data))
    print("ok \(path)")
  }
  exit(failed ? SysExit.noInput : 0)
#endif
