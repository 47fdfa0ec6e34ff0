/// Templates by name, and the renderer over them.
///
/// This is a Mustache engine of its own rather than swift-mustache, which
/// the templates were first written for and whose output it reproduces
/// byte for byte (`TemplateEngineTests` compares the two), but for what no
/// template does: printing a list or a struct as a variable (swift-mustache
/// prints Swift's description of it; this prints nothing). That engine
/// casts every value it meets to four or more protocols, and on two cores
/// the runtime's shared conformance cache made those casts 37 % of an HTML
/// bond list's CPU (`perf`, 100,000 bonds, never-repeated lists): HTML
/// lists ran at a third of the JSON API's rate, short of the 1,000 lists a
/// second the server is to answer. Values here are a closed enumeration.
struct Templates: Sendable {
    let byName: [String: Template]

    /// `value` rendered with the template `name`, as UTF-8; `nil` if there
    /// is no such template. Output is written as bytes: appending to a
    /// string checked its storage and counts on every part.
    func render(_ value: TemplateValue, template name: String) -> [UInt8]? {
        guard let template = byName[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(Self.expectedLength)
        var scopes = [value]
        render(template, into: &output, scopes: &scopes, Context(indentation: "", overrides: nil, contentType: .html))
        return output
    }

    /// Bytes reserved for a page's output: most pages fit, so that few
    /// grow it by copying.
    private static let expectedLength = 1 << 15

    /// What a template is rendered in, besides the values in scope.
    private struct Context {
        /// Put before each line a partial prints after its first.
        var indentation: String
        /// Blocks overridden by the templates that include this one.
        var overrides: [String: Template]?
        var contentType: ContentType
    }

    private func render(
        _ template: Template, into output: inout [UInt8], scopes: inout [TemplateValue], _ context: Context
    ) {
        var context = context
        if context.indentation.isEmpty {
            for node in template.nodes { render(node, into: &output, scopes: &scopes, &context) }
            return
        }
        // Indented: a part that prints something after a line break of
        // this template's output starts with the indentation.
        let start = output.count
        for node in template.nodes {
            let part = output.count
            render(node, into: &output, scopes: &scopes, &context)
            if output.count > part, Self.endsWithLineFeed(output[start..<part]) {
                output.insert(contentsOf: context.indentation.utf8, at: part)
            }
        }
    }

    /// Whether the text `bytes` encode ends with the character `\n` (a
    /// `\r\n` is one other character).
    private static func endsWithLineFeed(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.last == UInt8(ascii: "\n") else { return false }
        return bytes.count < 2 || bytes[bytes.endIndex - 2] != UInt8(ascii: "\r")
    }

    private func render(
        _ node: Template.Node, into output: inout [UInt8], scopes: inout [TemplateValue], _ context: inout Context
    ) {
        switch node {
        case .text(let text):
            output.append(contentsOf: text.utf8)
        case .variable(let name, let escaped):
            guard let value = Self.find(name, in: scopes) else { return }
            let printed = value.printed
            switch (escaped, context.contentType) {
            case (false, _), (true, .text): output.append(contentsOf: printed.utf8)
            case (true, .htmlBytes): HTMLBytes.escape(printed, into: &output)
            case (true, let type): output.append(contentsOf: type.escape(printed).utf8)
            }
        case .section(let name, let body, inverted: false):
            switch Self.find(name, in: scopes) {
            case nil, .flag(false)?:
                break
            case .flag(true)?:
                render(body, into: &output, scopes: &scopes, context)
            case .list(let elements)?:
                for element in elements {
                    scopes.append(element)
                    render(body, into: &output, scopes: &scopes, context)
                    scopes.removeLast()
                }
            case let value?:
                scopes.append(value)
                render(body, into: &output, scopes: &scopes, context)
                scopes.removeLast()
            }
        case .section(let name, let body, inverted: true):
            switch Self.find(name, in: scopes) {
            case nil, .flag(false)?:
                render(body, into: &output, scopes: &scopes, context)
            case .list(let elements)? where elements.isEmpty:
                scopes.append(.list(elements))
                render(body, into: &output, scopes: &scopes, context)
                scopes.removeLast()
            default:
                break
            }
        case .partial(let name, let indentation, let overrides):
            guard let partial = byName[name] else { return }
            var inner = context
            inner.indentation += indentation ?? ""
            // The outermost override of a block wins.
            if let overrides {
                inner.overrides = context.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            inner.contentType = .html
            render(partial, into: &output, scopes: &scopes, inner)
        case .block(let name, let defaultBody, let indentation):
            var inner = context
            inner.indentation += indentation
            render(context.overrides?[name] ?? defaultBody, into: &output, scopes: &scopes, inner)
        case .override:
            break
        case .contentType(let type):
            context.contentType = type
        }
    }

    /// The value `name` stands for in `scopes` (innermost last).
    private static func find(_ name: Name, in scopes: [TemplateValue]) -> TemplateValue? {
        switch name {
        case .current:
            return scopes.last
        case .path(let names, let searchesScopes):
            guard let first = names.first else { return scopes.last }
            var value: TemplateValue
            if searchesScopes {
                guard let found = scopes.reversed().firstNonNil({ $0.child(numbered: first) }) else { return nil }
                value = found
            } else {
                guard let found = scopes.last?.child(numbered: first) else { return nil }
                value = found
            }
            for name in names.dropFirst() {
                guard let next = value.child(numbered: name) else { return nil }
                value = next
            }
            return value
        }
    }
}

extension Sequence {
    /// The first non-nil result of `transform` over the elements, in order.
    fileprivate func firstNonNil<Result>(_ transform: (Element) -> Result?) -> Result? {
        for element in self {
            if let result = transform(element) { return result }
        }
        return nil
    }
}
