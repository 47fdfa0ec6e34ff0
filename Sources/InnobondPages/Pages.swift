import Foundation
import Mustache

/// The project's templates (HTML escaped byte by byte, Markdown escaped by
/// its own content type) and the renderer over them.
public struct Pages: Sendable {
    let library: MustacheLibrary

    /// Loads the templates shipped with the module.
    public init() async throws {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLBytesContentType(), named: HTMLBytesContentType.name)
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PagesError.missingTemplates
        }
        library = try await MustacheLibrary(directory: folder.path)
    }

    /// Renders `view` with the template named `template` (`report.html`, `report.md`, ...).
    public func render(_ view: Any, template: String) throws -> String {
        guard let text = library.render(MustacheTree.make(view), withTemplate: template) else {
            throw PagesError.unknownTemplate(template)
        }
        return text
    }
}

/// Rendering failures.
public enum PagesError: Error, CustomStringConvertible {
    case missingTemplates
    case unknownTemplate(String)

    public var description: String {
        switch self {
        case .missingTemplates: return "the templates are missing from the installation"
        case .unknownTemplate(let name): return "no template named \(name)"
        }
    }
}

/// Markdown text: characters that would start markup are escaped with a
/// backslash, `<` and `>` as entities, and an `&` that would start an entity
/// as `&amp;`, so that data cannot inject markup or HTML.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let character = rest.popFirst() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += rest.prefixMatch(of: /#?[A-Za-z0-9]+;/) == nil ? "&" : "&amp;"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
