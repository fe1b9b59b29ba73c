import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses `text` as XML and returns the element names seen, in order, or the parser's error.
func elements(of text: String) throws -> [String] {
    final class Collector: NSObject, XMLParserDelegate {
        var names: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            names.append(name)
        }
    }
    let parser = XMLParser(data: Data(text.utf8))
    let collector = Collector()
    parser.delegate = collector
    guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    return collector.names
}
