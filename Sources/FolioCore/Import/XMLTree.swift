import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML document as a tree of elements, namespaces resolved: enough to read feeds
/// without a streaming state machine per format.
final class XMLElement {
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

  /// Parses `bytes` (invalid UTF-8 replaced first); throws ``ImportError`` with the line and
  /// column of the first error. External entities are never loaded.
  static func parse(_ bytes: some Collection<UInt8>, file: String) throws -> XMLElement {
    let data = Data(String(decoding: bytes, as: UTF8.self).utf8)
    let builder = Builder()
    let parser = XMLParser(data: data)
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

  private final class Builder: NSObject, XMLParserDelegate {
    weak var parser: XMLParser?
    var root: XMLElement?
    var stack: [XMLElement] = []
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
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      stack.last?.text += String(decoding: block, as: UTF8.self)
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
