import CCurl
import Foundation

/// One HTTP GET through libcurl, bounded while it runs rather than after: libcurl enforces the
/// total deadline and the idle timeout itself, and hands every body chunk (after decompression)
/// to a callback that refuses it past the cap, which stops the transfer at once. So memory holds
/// at most the cap, whatever a server streams or however far its gzip expands. (URLSession on
/// Linux hands chunks to its delegate on another queue while libcurl races ahead, so there a
/// gzip bomb grew past a gigabyte before the delegate could refuse it.)
final class CurlTransfer {
  enum Result {
    case answered(status: Int, headers: [String: String], data: Data)
    /// No answer: the reason, in a few words.
    case failed(String)
    /// No complete answer within the deadline (or nothing at all for the idle timeout).
    case timedOut(idle: Bool)
    case tooLarge
    case headersTooLarge
    /// The connection ended before the whole body came (fewer bytes than `Content-Length`).
    case cutShort
  }

  /// The most header bytes one answer may send.
  static let maxHeaderBytes = 64 << 10

  private var body: BodyLimit
  private var headers: [String: String] = [:]
  private var headerBytes = 0
  private var headersExceeded = false
  private var receivedExceeded = false
  /// When set, body chunks go here instead of into `body` (streamed downloads); false from it
  /// stops the transfer. `streamed` counts them against the cap.
  private let sink: ((UnsafeRawBufferPointer) -> Bool)?
  private var streamed = 0

  private init(maxBytes: Int, sink: ((UnsafeRawBufferPointer) -> Bool)?) {
    body = BodyLimit(maxBytes: maxBytes)
    self.sink = sink
  }

  private static let initialized: Bool = folio_curl_global_init() == CURLE_OK

  /// A POST's body and the headers sent with it (a GET sends none of its own).
  struct Upload {
    var body: Data
    var headers: [String: String]
  }

  /// GETs `url` (POSTs `upload` to it when given), giving up after `deadline` seconds in all,
  /// or `limits.idleTimeout` seconds without a byte, or past `maxBytes` of body. With a `sink`,
  /// the body is handed to it chunk by chunk (and the answer's `data` is empty) rather than
  /// held in memory.
  static func get(
    _ url: URL, userAgent: String, limits: HTTPLimits, deadline: Double, maxBytes: Int,
    sink: ((UnsafeRawBufferPointer) -> Bool)? = nil, upload: Upload? = nil
  ) -> Result {
    guard initialized, let handle = curl_easy_init() else { return .failed("libcurl failed") }
    defer { curl_easy_cleanup(handle) }
    var headerList: UnsafeMutablePointer<curl_slist>?
    defer { curl_slist_free_all(headerList) }
    if let upload {
      // Header values are Folio's own (content type, an API key from the environment); a line
      // break in one would start another header, so a header with a control character is
      // not sent.
      for (name, value) in upload.headers.sorted(by: { $0.key < $1.key })
      where !(name + value).unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
      {
        headerList = curl_slist_append(headerList, "\(name): \(value)")
      }
      // "Expect: 100-continue" would wait a second for servers that never answer it.
      headerList = curl_slist_append(headerList, "Expect:")
      _ = folio_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList)
      _ = folio_curl_set_long(handle, CURLOPT_POST, 1)
      _ = folio_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, upload.body.count)
      // COPYPOSTFIELDS copies the bytes, so nothing here must outlive the call.
      if upload.body.isEmpty {
        _ = folio_curl_set_string(handle, CURLOPT_COPYPOSTFIELDS, "")
      } else {
        _ = upload.body.withUnsafeBytes { bytes in
          folio_curl_set_pointer(
            handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        }
      }
      // A redirected POST is not followed: Folio posts only to the address it was given.
      _ = folio_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
    }
    let transfer = CurlTransfer(maxBytes: maxBytes, sink: sink)
    let context = Unmanaged.passUnretained(transfer).toOpaque()
    let idle = min(limits.idleTimeout, deadline)
    _ = folio_curl_set_string(handle, CURLOPT_URL, url.absoluteString)
    _ = folio_curl_set_string(handle, CURLOPT_USERAGENT, userAgent)
    _ = folio_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
    _ = folio_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    if upload == nil {
      _ = folio_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
      _ = folio_curl_set_long(handle, CURLOPT_MAXREDIRS, 5)
    }
    // Every encoding libcurl can decode; the cap counts the decoded bytes.
    _ = folio_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
    _ = folio_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
    _ = folio_curl_set_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(deadline))
    _ = folio_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(idle))
    _ = folio_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
    _ = folio_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(idle.rounded(.up))))
    _ = folio_curl_set_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBytes))
    _ = folio_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION, writeBody)
    _ = folio_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
    _ = folio_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION, writeHeader)
    _ = folio_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
    _ = folio_curl_set_progress_callback(handle, progress)
    _ = folio_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
    _ = folio_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
    let started = FetchBudget.clock()
    let code = withExtendedLifetime(transfer) { curl_easy_perform(handle) }
    if transfer.headersExceeded { return .headersTooLarge }
    if transfer.body.exceeded || transfer.receivedExceeded || code == CURLE_FILESIZE_EXCEEDED {
      return .tooLarge
    }
    switch code {
    case CURLE_OK:
      return .answered(
        status: folio_curl_response_code(handle), headers: transfer.headers,
        data: transfer.body.data)
    case CURLE_OPERATION_TIMEDOUT:
      return .timedOut(idle: FetchBudget.clock() - started < deadline - 0.5)
    case CURLE_COULDNT_CONNECT: return .failed("connection refused")
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .failed("host not found")
    case CURLE_PARTIAL_FILE: return .cutShort
    case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR:
      return .failed("the connection was lost")
    case CURLE_TOO_MANY_REDIRECTS: return .failed("too many redirects")
    default:
      // libcurl's own fixed English sentences, never the server's text.
      return .failed(String(cString: curl_easy_strerror(code)).lowercased())
    }
  }

  static func milliseconds(_ seconds: Double) -> Int {
    Int(max(1, min(seconds, HTTPLimits.longestDeadline)) * 1000)
  }

  /// A body chunk, already decoded: kept while under the cap; past it, refused, which stops
  /// the transfer.
  private static let writeBody: folio_curl_data_callback = { buffer, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size &* count
    guard length > 0, let buffer else { return length }
    if let sink = transfer.sink {
      guard length <= transfer.body.maxBytes - transfer.streamed else {
        transfer.receivedExceeded = true
        return 0
      }
      transfer.streamed += length
      return sink(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : 0
    }
    return transfer.body.append(Data(bytes: buffer, count: length)) ? length : 0
  }

  /// One header line. A status line starts a new answer (after a redirect or an interim 1xx),
  /// so only the final answer's headers are kept.
  private static let writeHeader: folio_curl_data_callback = { buffer, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size &* count
    guard length > 0, let buffer else { return length }
    transfer.headerBytes += length
    guard transfer.headerBytes <= maxHeaderBytes else {
      transfer.headersExceeded = true
      return 0
    }
    let line = String(
      decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
    if line.hasPrefix("HTTP/") {
      transfer.headers = [:]
      transfer.headerBytes = length
    } else if let colon = line.firstIndex(of: ":") {
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
      transfer.headers[name] = transfer.headers[name].map { $0 + ", " + value } ?? value
    }
    return length
  }

  /// Stops the transfer once more bytes came over the wire than the cap (before decoding).
  private static let progress: folio_curl_progress_callback = { context, _, received, _, _ in
    guard let context else { return 1 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    guard received <= curl_off_t(transfer.body.maxBytes) else {
      transfer.receivedExceeded = true
      return 1
    }
    return 0
  }
}
