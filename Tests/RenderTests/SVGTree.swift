import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG read back with Foundation's XML parser (libxml2), independently of the writer: it fails
/// on anything that is not well-formed XML, so escaping mistakes cannot pass.
struct SVGTree {
  struct Element {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [Element] = []

    /// This element and every element under it, depth first.
    var all: [Element] { [self] + children.flatMap(\.all) }

    /// Every text under the element, joined with spaces.
    var allText: [String] { all.map(\.text).filter { !$0.isEmpty } }

    func int(_ attribute: String) -> Int? { attributes[attribute].flatMap { Int($0) } }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
  }

  let root: Element

  init(_ svg: String) throws {
    let parser = XMLParser(data: Data(svg.utf8))
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.stack.first?.children.first else {
      throw ParseError(reason: parser.parserError.map { "\($0)" } ?? "no root element")
    }
    self.root = root
  }

  struct ParseError: Error { let reason: String }

  /// The `<g class="panel …">` groups, by title.
  func panels(_ extraClass: String? = nil) -> [Element] {
    root.all.filter { $0.name == "g" && $0.classes.contains("panel") && (extraClass.map($0.classes.contains) ?? true) }
  }

  func panel(_ title: String) -> Element? { panels().first { $0.attributes["data-title"] == title } }

  /// The first rectangle of a group: a panel's or a band's cell.
  static func frame(_ group: Element) -> (x: Int, y: Int, width: Int, height: Int)? {
    guard let rect = group.children.first(where: { $0.name == "rect" }), let x = rect.int("x"), let y = rect.int("y"),
      let width = rect.int("width"), let height = rect.int("height")
    else { return nil }
    return (x, y, width, height)
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var stack = [Element(name: "", attributes: [:])]

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      stack.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      var element = stack.removeLast()
      element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
      stack[stack.count - 1].children.append(element)
    }
  }
}
