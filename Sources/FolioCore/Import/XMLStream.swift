import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What ``XMLTreeElement/stream(_:file:treeDepth:_:)`` reports while it reads a document.
enum XMLStreamEvent {
  /// An element shallower than the tree depth opened; it has its name, attributes and line,
  /// but no text or children (those are not kept).
  case open(XMLTreeElement, depth: Int)
  /// The element shallower than the tree depth that opened last at `depth` closed.
  case close(depth: Int)
  /// An element at the tree depth closed: a whole tree, with its text and children.
  case element(XMLTreeElement, depth: Int)
  /// How far through the input reading is, in bytes.
  case progress(bytesRead: Int)
}

extension XMLTreeElement {
  /// Reads `bytes` as an XML document (decoded and entity-resolved as ``XMLSource`` says),
  /// handing `handler` each element at depth `treeDepth` (the root is depth 1) as a tree as
  /// soon as it closes, and only the opening and closing of elements above it. Nothing else
  /// is kept: memory holds the largest such element and a piece of the input, not the
  /// document. Libxml2 pulls the document a piece at a time, so `handler` runs before the end
  /// of the input is read.
  ///
  /// Throws ``ImportError`` with the line and column of the first error, or what `handler`
  /// threw (reading stops there).
  static func stream(
    _ bytes: some Collection<UInt8>, file: String, treeDepth: Int,
    _ handler: (XMLStreamEvent) throws -> Void
  ) throws {
    let done: Void? = try bytes.withContiguousStorageIfAvailable { buffer in
      try stream(buffer: buffer, file: file, treeDepth: treeDepth, handler)
    }
    if done == nil {
      let copy = Array(bytes)
      try copy.withUnsafeBufferPointer { buffer in
        try stream(buffer: buffer, file: file, treeDepth: treeDepth, handler)
      }
    }
  }

  private static func stream(
    buffer: UnsafeBufferPointer<UInt8>, file: String, treeDepth: Int,
    _ handler: (XMLStreamEvent) throws -> Void
  ) throws {
    let source = try XMLSource(buffer, file: file)
    try withoutActuallyEscaping(handler) { handler in
      let builder = StreamBuilder(treeDepth: treeDepth, handler: handler)
      // The handler must not outlive this call.
      defer { builder.handler = nil }
      let input = PullStream(source) { builder.emit(.progress(bytesRead: $0)) }
      let parser = XMLParser(stream: input)
      parser.shouldProcessNamespaces = true
      parser.shouldResolveExternalEntities = false
      parser.delegate = builder
      builder.parser = parser
      let finished = parser.parse()
      if let failure = input.failure ?? builder.failure { throw failure }
      if let problem = builder.problem {
        throw ImportError(
          file: file, line: max(1, problem.line), column: max(1, problem.column),
          reason: problem.reason)
      }
      guard finished, builder.sawRoot else {
        throw ImportError(
          file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
          reason: "not well-formed XML")
      }
    }
  }
}

/// The document as libxml2 pulls it: ``XMLSource``'s pieces, made as they are asked for.
private final class PullStream: InputStream {
  private var source: XMLSource
  private var buffer: [UInt8] = []
  private var offset = 0
  private let report: (Int) -> Void
  /// Why the source stopped (an entity expansion past its cap), if it did.
  private(set) var failure: (any Error)?

  init(_ source: XMLSource, report: @escaping (Int) -> Void) {
    self.source = source
    self.report = report
    super.init(data: Data())
  }

  override func open() {}
  override func close() {}
  override var hasBytesAvailable: Bool { failure == nil }
  // The base class traps here; XMLParser asks when a read fails.
  override var streamError: (any Error)? { failure }
  override var streamStatus: Stream.Status { failure == nil ? .open : .error }

  override func read(_ output: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
    guard failure == nil else { return -1 }
    // What was read goes once it is most of the buffer, so each byte moves at most once more.
    if offset > 0, offset >= buffer.count - offset {
      buffer.removeSubrange(0..<offset)
      offset = 0
    }
    do {
      while buffer.count - offset < maxLength, try source.next(into: &buffer) {}
    } catch {
      failure = error
      return -1
    }
    let count = min(maxLength, buffer.count - offset)
    if count > 0 {
      buffer.withUnsafeBufferPointer { bytes in
        output.update(from: bytes.baseAddress! + offset, count: count)
      }
    }
    offset += count
    report(source.bytesRead)
    return count
  }
}

/// Builds the trees at the tree depth and reports the rest as events.
private final class StreamBuilder: NSObject, XMLParserDelegate {
  let treeDepth: Int
  var handler: ((XMLStreamEvent) throws -> Void)?
  weak var parser: XMLParser?
  /// How many elements are open, those past ``XMLTreeElement/maxDepth`` (skipped) included.
  private var depth = 0
  /// The open elements of the tree being built (at the tree depth and below).
  private var stack: [XMLTreeElement] = []
  private(set) var sawRoot = false
  /// What the handler threw; reading stopped there.
  private(set) var failure: (any Error)?
  /// The first error, where the parser was when it found it.
  private(set) var problem: (line: Int, column: Int, reason: String)?

  init(treeDepth: Int, handler: @escaping (XMLStreamEvent) throws -> Void) {
    self.treeDepth = treeDepth
    self.handler = handler
  }

  func emit(_ event: XMLStreamEvent) {
    guard failure == nil, let handler else { return }
    do {
      try handler(event)
    } catch {
      failure = error
      parser?.abortParsing()
    }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    guard problem == nil, failure == nil else { return }
    let detail = (parseError as NSError).localizedDescription
    problem = (parser.lineNumber, parser.columnNumber, "not well-formed XML (\(detail))")
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    depth += 1
    sawRoot = true
    guard depth <= XMLTreeElement.maxDepth, failure == nil else { return }
    let element = XMLTreeElement(
      namespace: namespaceURI ?? "", name: elementName, attributes: attributes,
      line: parser.lineNumber)
    if depth < treeDepth {
      emit(.open(element, depth: depth))
    } else {
      stack.last?.children.append(element)
      stack.append(element)
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    defer { depth -= 1 }
    guard depth <= XMLTreeElement.maxDepth, failure == nil else { return }
    if depth < treeDepth {
      emit(.close(depth: depth))
    } else if let element = stack.popLast(), depth == treeDepth {
      emit(.element(element, depth: depth))
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if depth >= treeDepth, depth <= XMLTreeElement.maxDepth { stack.last?.text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    if depth >= treeDepth, depth <= XMLTreeElement.maxDepth {
      stack.last?.text += String(decoding: block, as: UTF8.self)
    }
  }
}
