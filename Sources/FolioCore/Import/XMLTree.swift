import Foundation

/// An XML element as a tree, namespaces resolved: enough to read one feed entry without a
/// streaming state machine per format (``stream(_:file:treeDepth:_:)`` builds one entry's
/// tree at a time).
///
/// A tree is at most ``maxDepth`` elements deep counted from the document's root: elements
/// nested deeper, and their text, are skipped while parsing (feeds need four levels). So
/// building, walking and freeing a tree never recurse deeper than that, whatever the input.
final class XMLTreeElement {
  /// The deepest element kept (the root is depth 1): 64.
  static let maxDepth = 64

  /// The namespace URI ("" for none).
  let namespace: String
  /// The local name.
  let name: String
  let attributes: [String: String]
  var children: [XMLTreeElement] = []
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
  func all(_ name: String, in namespace: String) -> [XMLTreeElement] {
    children.filter { $0.name == name && $0.namespace == namespace }
  }

  func first(_ name: String, in namespace: String) -> XMLTreeElement? {
    children.first { $0.name == name && $0.namespace == namespace }
  }

  /// The text of the first child `name`, if any.
  func text(_ name: String, in namespace: String) -> String? { first(name, in: namespace)?.text }

  /// Parses `bytes` in the encoding their declaration names (see ``XMLEncoding``; invalid
  /// UTF-8 replaced) into one tree; throws ``ImportError`` with the line and column of the
  /// first error. Entities are resolved as ``XMLEntities`` describes; external entities are
  /// never loaded. Importers read a feed entry by entry instead, with ``stream(_:file:treeDepth:_:)``.
  static func parse(_ bytes: some Collection<UInt8>, file: String) throws -> XMLTreeElement {
    var root: XMLTreeElement?
    try stream(bytes, file: file, treeDepth: 1) { event in
      if case .element(let element, _) = event { root = element }
    }
    guard let root else {
      throw ImportError(file: file, line: 1, column: 1, reason: "not well-formed XML")
    }
    return root
  }

  /// Where a leading XML declaration (`<?xml version="1.0" encoding="..."?>`, after any byte
  /// order mark) ends, and how many newlines it holds; (0, 0) when there is none. The bytes
  /// after it are decoded as it said, and libxml2 must not decode them again, so it is dropped
  /// and its newlines written instead, keeping the lines errors name.
  static func declarationExtent(_ bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, newlines: Int) {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let rest = bytes[start...]
    guard rest.starts(with: Array("<?xml".utf8)), rest.count > 5,
      FormatDetector.isSpace(bytes[start + 5])
    else { return (0, 0) }
    var index = start + 5
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">") {
        let newlines = bytes[start..<index].lazy.filter { $0 == 0x0A }.count
        return (index + 2, newlines)
      }
      index += 1
    }
    return (0, 0)
  }

  /// `bytes` without a leading XML declaration, its newlines kept (see
  /// ``declarationExtent(_:)``).
  static func withoutDeclaration(_ bytes: [UInt8]) -> [UInt8] {
    let (end, newlines) = bytes.withUnsafeBufferPointer { declarationExtent($0) }
    guard end > 0 else { return bytes }
    return Array(repeating: 0x0A, count: newlines) + bytes[end...]
  }

  /// `bytes` with a space before the `?>` of each processing instruction that has no data
  /// (see ``InstructionPadding``).
  static func paddingEmptyInstructions(_ bytes: [UInt8]) -> [UInt8] {
    var padding = InstructionPadding()
    var output: [UInt8] = []
    padding.pad(bytes, into: &output)
    padding.finish(into: &output)
    return output
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
