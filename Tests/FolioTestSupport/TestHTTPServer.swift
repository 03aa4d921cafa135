import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for fetch tests: each request is answered by a
/// scripted handler, and every request is recorded. Tests never reach the internet.
public final class TestHTTPServer: @unchecked Sendable {
  public struct Request: Sendable {
    public var method: String
    public var path: String
    public var headers: [String: String]
    /// The body (a POST's), as many bytes as `Content-Length` said.
    public var body = Data()
  }

  public enum Response {
    case ok(String, contentType: String = "application/json")
    case status(Int, String = "", headers: [String: String] = [:])
    /// Says how long the body is, sends less, and closes.
    case truncated(String)
    /// Sends nothing for this long, then closes.
    case hang(seconds: Double)
    /// A 200 that promises a body of `bytes` and sends one byte of it per `interval` seconds,
    /// while the client listens (a server dripping bytes to keep a request alive).
    case drip(interval: Double, bytes: Int)
    /// A 200 without a length: `prefix`, then `repeating` again and again until `limit` bytes
    /// were sent or the client hangs up (an endless body, or an endless compressed one).
    case endless(
      prefix: [UInt8], repeating: [UInt8], headers: [String: String] = [:], limit: Int = 1 << 30)
  }

  public let port: UInt16
  private let socketDescriptor: Int32
  private let lock = NSLock()
  private var handler: (Request) -> Response
  private var recorded: [Request] = []
  private var stopped = false

  /// Requests received so far.
  public var requests: [Request] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  /// The base URL to give Folio: `http://127.0.0.1:PORT`.
  public var base: String { "http://127.0.0.1:\(port)" }

  public init(handler: @escaping (Request) -> Response) throws {
    self.handler = handler
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var reuse: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    socketDescriptor = descriptor
    port = UInt16(bigEndian: address.sin_port)
    // Weak, not unowned: a server stopped and released before this thread first runs (a test
    // that only wants a closed port) must not crash the process; nor may the loop keep it alive
    // while it waits in accept, so that deinit can stop it.
    let thread = Thread { [weak self] in Self.acceptLoop(descriptor, server: { self }) }
    thread.start()
  }

  public func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    shutdown(socketDescriptor, Int32(SHUT_RDWR))
    close(socketDescriptor)
  }

  deinit { stop() }

  private static func acceptLoop(_ descriptor: Int32, server: @escaping () -> TestHTTPServer?) {
    while true {
      let client = accept(descriptor, nil, nil)
      guard client >= 0 else { return }
      guard let server = server() else {
        close(client)
        return
      }
      let thread = Thread { server.serve(client) }
      thread.start()
    }
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    var buffer = [UInt8](repeating: 0, count: 65536)
    var received = [UInt8]()
    while !received.containsHeaderEnd {
      let count = recv(client, &buffer, buffer.count, 0)
      guard count > 0 else { return }
      received += buffer[0..<count]
    }
    let headerEnd = received.headerEnd!
    let head = String(decoding: received[..<headerEnd], as: UTF8.self).components(
      separatedBy: "\r\n")
    let requestLine = head.first?.split(separator: " ") ?? []
    guard requestLine.count >= 2 else { return }
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
        in: .whitespaces)
    }
    var body = Array(received[(headerEnd + 4)...])
    let length = min(Int(headers["content-length"] ?? "") ?? 0, 16 << 20)
    while body.count < length {
      let count = recv(client, &buffer, buffer.count, 0)
      guard count > 0 else { break }
      body += buffer[0..<count]
    }
    let request = Request(
      method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
      body: Data(body.prefix(length)))
    lock.lock()
    recorded.append(request)
    let response = handler(request)
    lock.unlock()
    switch response {
    case .ok(let body, let contentType):
      send(client, status: 200, body: body, headers: ["Content-Type": contentType])
    case .status(let code, let body, let headers):
      send(client, status: code, body: body, headers: headers)
    case .truncated(let body):
      let bytes = Array(body.utf8)
      let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count * 2)\r\nConnection: close\r\n\r\n"
      write(client, Array(head.utf8) + bytes)
    case .hang(let seconds):
      Thread.sleep(forTimeInterval: seconds)
    case .drip(let interval, let bytes):
      let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes)\r\nConnection: close\r\n\r\n"
      guard write(client, Array(head.utf8)) else { return }
      // The pause is the behaviour under test (a slow server), not synchronisation.
      for _ in 0..<bytes {
        Thread.sleep(forTimeInterval: interval)
        guard write(client, [0x20]) else { return }
      }
    case .endless(let prefix, let repeating, let headers, let limit):
      var head = "HTTP/1.1 200 OK\r\nConnection: close\r\n"
      for (name, value) in headers { head += "\(name): \(value)\r\n" }
      guard write(client, Array((head + "\r\n").utf8) + prefix) else { return }
      let block = Array(
        [[UInt8]](repeating: repeating, count: max(1, 65536 / max(1, repeating.count))).joined())
      var sent = prefix.count
      while sent < limit, write(client, block) { sent += block.count }
    }
  }

  private func send(_ client: Int32, status: Int, body: String, headers: [String: String]) {
    let bytes = Array(body.utf8)
    var head =
      "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    write(client, Array((head + "\r\n").utf8) + bytes)
  }

  /// Sends all of `bytes`; false when the client has gone.
  @discardableResult
  private func write(_ client: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeBytes {
        Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  public static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 400: "Bad Request"
    case 404: "Not Found"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 503: "Service Unavailable"
    default: "Status"
    }
  }
}

extension Array where Element == UInt8 {
  fileprivate var containsHeaderEnd: Bool { headerEnd != nil }

  /// Where the blank line ending the headers starts.
  fileprivate var headerEnd: Int? {
    guard count >= 4 else { return nil }
    for index in 0...(count - 4)
    where self[index] == 13 && self[index + 1] == 10 && self[index + 2] == 13
      && self[index + 3] == 10
    {
      return index
    }
    return nil
  }
}
