/// A Mustache template, read once into the parts it renders. The engine
/// renders ``TemplateValue``s, whose kinds it knows, so that printing a
/// field costs a table lookup instead of the casts to protocols a
/// general-purpose engine makes for every name (see ``Templates``).
struct Template: Sendable {
    /// One part of a template.
    indirect enum Node: Sendable {
        /// Text printed as it is.
        case text(String)
        /// `{{name}}` (escaped by the content type in force) or
        /// `{{{name}}}` and `{{& name}}` (printed as they are).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(Name, Template, inverted: Bool)
        /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it
        /// overrides; a partial alone on its line indents its lines as its
        /// tag was indented.
        case partial(String, indentation: String?, overrides: [String: Template]?)
        /// `{{$name}}…{{/name}}` in a template: the override of that name,
        /// or the text given here.
        case block(String, default: Template, indentation: String)
        /// `{{$name}}…{{/name}}` inside `{{< parent}}`: an override, which
        /// the parser moves into the partial's `overrides`.
        case override(String, Template)
        /// `{{% CONTENT_TYPE: NAME}}`.
        case contentType(ContentType)
    }

    var nodes: [Node]
}

/// A name as a template writes it: `.` (the value in scope), `a.b` (`a`
/// looked for from the innermost value in scope outward, then its `b`), or
/// `.a.b` (looked for in the innermost value only).
enum Name: Sendable {
    case current
    /// The names' numbers (``TemplateNames``); empty names (`..`) stand
    /// for the value in scope.
    case path([Int], searchesScopes: Bool)

    init(_ text: String) {
        if text == "." {
            self = .current
        } else {
            self = .path(
                text.split(separator: ".").map { TemplateNames.number(String($0)) }, searchesScopes: text.first != ".")
        }
    }
}
