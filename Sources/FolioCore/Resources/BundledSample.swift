/// The sample listing that ships inside the `folio` binary: 284 papers from a Hugging Face
/// daily papers page, in the text format (see docs/sources.md for where it comes from).
///
/// It is compiled in rather than read from disk so that a `folio` binary copied anywhere can
/// still show real papers on first run.
public enum BundledSample {
  /// The file name shown in import history and messages.
  public static let fileName = "daily-papers-sample.txt"

  /// The `source` recorded on the sample's papers.
  public static let source = "sample"

  /// The sample's bytes.
  public static var bytes: [UInt8] { Array(text.utf8) }
}
