import InnobondInsights

/// How a template escapes the values it prints, chosen with the pragma
/// `{{% CONTENT_TYPE: NAME}}` for the rest of the template (or section) it
/// stands in. A template, and each partial it includes, starts as ``html``.
enum ContentType: Sendable {
    /// HTML, escaped character by character: `<`, `>`, `&`, `"` and `'`
    /// become entities unless a combining mark joins them into another
    /// character. The default, named `HTML`.
    case html
    /// HTML escaped byte by byte (``HTMLBytes``), named `HTML_BYTES`.
    case htmlBytes
    /// Markdown (``MarkdownText``), named `MARKDOWN`.
    case markdown
    /// Printed as it is, named `TEXT`.
    case text

    /// The content type a pragma names, if there is one of that name.
    init?(named name: String) {
        switch name {
        case "HTML": self = .html
        case "HTML_BYTES": self = .htmlBytes
        case "MARKDOWN": self = .markdown
        case "TEXT": self = .text
        default: return nil
        }
    }

    /// `text` as this content type prints a value.
    func escape(_ text: String) -> String {
        switch self {
        case .html: XMLText.escape(text)
        case .htmlBytes: HTMLBytes.escape(text)
        case .markdown: MarkdownText.escape(text)
        case .text: text
        }
    }
}
