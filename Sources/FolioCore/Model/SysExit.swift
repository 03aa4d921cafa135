/// The exit statuses Folio's programs use, named and numbered as BSD's sysexits.h does: the one
/// set every module reports failures with (`folio`'s commands, the store's and the fetcher's
/// errors, `folio-fuzz`), so a status means the same thing wherever it comes from. The man
/// page's EXIT STATUS section lists them.
public enum SysExit {
  /// EX_USAGE: an unknown command or option, a bad value.
  public static let usage: Int32 = 64
  /// EX_DATAERR: input that cannot be used (a file to import, a query, a config, a library).
  public static let dataError: Int32 = 65
  /// EX_NOINPUT: an input file is missing or cannot be read.
  public static let noInput: Int32 = 66
  /// EX_UNAVAILABLE: a service (a source to fetch from) cannot be reached or keeps refusing.
  public static let unavailable: Int32 = 69
  /// EX_CANTCREAT: a file or the library cannot be created.
  public static let cannotCreate: Int32 = 73
  /// EX_IOERR: reading or writing failed.
  public static let ioError: Int32 = 74
  /// EX_TEMPFAIL: a change could not be kept this time (the library stayed busy); try again.
  public static let temporaryFailure: Int32 = 75
}
