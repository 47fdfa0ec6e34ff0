import Foundation

/// The project's templates (HTML escaped byte by byte, Markdown escaped by
/// its own content type) and the renderer over them.
public struct Pages: Sendable {
    let templates: Templates

    /// Loads the templates shipped with the module.
    public init() async throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PagesError.missingTemplates
        }
        var texts: [String: String] = [:]
        let suffix = ".mustache"
        let paths = FileManager.default.enumerator(atPath: folder.path)
        while let path = paths?.nextObject() as? String {
            guard path.hasSuffix(suffix),
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
            else {
                continue
            }
            texts[String(path.dropLast(suffix.count))] = String(decoding: data, as: UTF8.self)
        }
        try self.init(templates: texts)
    }

    /// The templates given as text by name (a partial's name is its key).
    init(templates texts: [String: String]) throws {
        var byName: [String: Template] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                byName[name] = try TemplateParser.parse(text)
            } catch {
                throw PagesError.invalidTemplate(name, error)
            }
        }
        templates = Templates(byName: byName)
    }

    /// Renders `view` with the template named `template` (`report.html`, `report.md`, ...).
    public func render(_ view: Any, template: String) throws -> String {
        String(decoding: try renderUTF8(view, template: template), as: UTF8.self)
    }

    /// ``render(_:template:)``'s text as UTF-8, as a response body sends it.
    public func renderUTF8(_ view: Any, template: String) throws -> [UInt8] {
        guard let bytes = templates.render(MustacheTree.make(view), template: template) else {
            throw PagesError.unknownTemplate(template)
        }
        return bytes
    }
}

/// Rendering failures.
public enum PagesError: Error, CustomStringConvertible {
    case missingTemplates
    case unknownTemplate(String)
    case invalidTemplate(String, TemplateSyntaxError)

    public var description: String {
        switch self {
        case .missingTemplates: return "the templates are missing from the installation"
        case .unknownTemplate(let name): return "no template named \(name)"
        case .invalidTemplate(let name, let error): return "template \(name), \(error)"
        }
    }
}
