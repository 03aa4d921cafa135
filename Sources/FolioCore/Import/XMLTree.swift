import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML document as a tree of elements, namespaces resolved: enough to read feeds
/// without a streaming state machine per format.
///
/// The tree is at most ``maxDepth`` elements deep: elements nested deeper, and their text,
/// are skipped while parsing (feeds need four levels). So building, walking and freeing the
/// tree never recurse deeper than that, whatever the input.
final class XMLElement {
  /// The deepest element kept (the root is depth 1): 64.
  static let maxDepth = 64

  /// The namespace URI ("" for none).
  let namespace: String
  /// The local name.
  let name: String
  let attributes: [String: String]
  var children: [XMLElement] = []
  var text = ""
  /// The line the element starts on, for messages.
  let line: Int

  init(namespace: String, name: String, attributes: [String: String], line: Int) {
    self.namespace = namespace
    self.name = name
    self.attributes = attributes
    self.line = line
  }

  /// The children named `name` in `namespace`.
  func all(_ name: String, in namespace: String) -> [XMLElement] {
    children.filter { $0.name == name && $0.namespace == namespace }
  }

  func first(_ name: String, in namespace: String) -> XMLElement? {
    children.first { $0.name == name && $0.namespace == namespace }
  }

  /// The text of the first child `name`, if any.
  func text(_ name: String, in namespace: String) -> String? { first(name, in: namespace)?.text }

  /// Parses `bytes` in the encoding their declaration names (see ``XMLEncoding``; invalid
  /// UTF-8 replaced); throws ``ImportError`` with the line and column of the first error.
  /// Entities are resolved as ``XMLEntities`` describes; external entities are never loaded.
  static func parse(_ bytes: some Collection<UInt8>, file: String) throws -> XMLElement {
    // One variable through the passes, so each copy is freed as the next is made: at most two
    // copies of the document are alive at once.
    var document = withoutDeclaration(try XMLEncoding.utf8(bytes, file: file))
    document = try XMLEntities.resolve(document, file: file)
    document = paddingEmptyInstructions(document)
    let data = Data(document)
    document = []
    let builder = Builder()
    // From a stream, libxml2 gets the document in chunks; given all of it at once, it refuses
    // a document past its 10 MB look-ahead limit ("not well-formed" at the last line).
    let parser = XMLParser(stream: InputStream(data: data))
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    builder.parser = parser
    let finished = parser.parse()
    if let problem = builder.problem {
      throw ImportError(
        file: file, line: max(1, problem.line), column: max(1, problem.column),
        reason: problem.reason)
    }
    guard finished, let root = builder.root else {
      throw ImportError(
        file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
        reason: "not well-formed XML")
    }
    return root
  }

  /// `bytes` without a leading XML declaration (`<?xml version="1.0" encoding="..."?>`): the
  /// bytes are UTF-8 by now (``XMLEncoding`` decoded them as it said), and libxml2 must not
  /// decode them again.
  static func withoutDeclaration(_ bytes: [UInt8]) -> [UInt8] {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let start = bytes.starts(with: bom) ? 3 : 0
    let rest = bytes[start...]
    guard rest.starts(with: Array("<?xml".utf8)), rest.count > 5,
      FormatDetector.isSpace(rest[rest.startIndex + 5])
    else { return bytes }
    var index = rest.startIndex + 5
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">") {
        // Keep the lines, so errors still name the line the user sees.
        let newlines = bytes[rest.startIndex..<index].filter { $0 == 0x0A }
        return newlines + bytes[(index + 2)...]
      }
      index += 1
    }
    return bytes
  }

  /// `bytes` with a space before the `?>` of each processing instruction that has no data
  /// (`<?name?>`). For those libxml2 passes a NULL data pointer, which Foundation's XMLParser on
  /// Linux reads as a C string and crashes; with the space it passes empty data instead. A
  /// `<?name?>` inside a comment or CDATA section gains the same space, which is harmless.
  static func paddingEmptyInstructions(_ bytes: [UInt8]) -> [UInt8] {
    let open = UInt8(ascii: "<")
    let question = UInt8(ascii: "?")
    let close = UInt8(ascii: ">")
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == question else {
        output.append(bytes[index])
        index += 1
        continue
      }
      // The target name runs to whitespace, `?`, `<` or `>` (none of which a name may hold).
      var end = index + 2
      while end < bytes.count, bytes[end] > 0x20, bytes[end] != question, bytes[end] != close,
        bytes[end] != open
      {
        end += 1
      }
      output += bytes[index..<end]
      if end + 1 < bytes.count, bytes[end] == question, bytes[end + 1] == close {
        output.append(0x20)
      }
      index = end
    }
    return output
  }

  private final class Builder: NSObject, XMLParserDelegate {
    weak var parser: XMLParser?
    var root: XMLElement?
    var stack: [XMLElement] = []
    /// How many elements deeper than ``XMLElement/maxDepth`` are open (skipped).
    var skipped = 0
    /// The first error, where the parser was when it found it.
    var problem: (line: Int, column: Int, reason: String)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      guard problem == nil else { return }
      let detail = (parseError as NSError).localizedDescription
      problem = (parser.lineNumber, parser.columnNumber, "not well-formed XML (\(detail))")
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      guard skipped == 0, stack.count < XMLElement.maxDepth else {
        skipped += 1
        return
      }
      let element = XMLElement(
        namespace: namespaceURI ?? "", name: elementName, attributes: attributes,
        line: parser.lineNumber)
      if let parent = stack.last {
        parent.children.append(element)
      } else if root == nil {
        root = element
      }
      stack.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      if skipped > 0 {
        skipped -= 1
      } else {
        _ = stack.popLast()
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if skipped == 0 { stack.last?.text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      if skipped == 0 { stack.last?.text += String(decoding: block, as: UTF8.self) }
    }
  }
}

/// XML namespaces of arXiv's feeds.
enum FeedNamespace {
  static let atom = "http://www.w3.org/2005/Atom"
  static let arxiv = "http://arxiv.org/schemas/atom"
  static let dublinCore = "http://purl.org/dc/elements/1.1/"
}

/// How an arXiv feed announces an entry: new papers and cross-lists add papers; replacements
/// and abstract-only changes update papers the library already has.
enum AnnounceType {
  static func isUpdate(_ type: String?) -> Bool {
    guard let type = type?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
    return type == "replace" || type == "replace-cross" || type == "absonly"
  }
}
