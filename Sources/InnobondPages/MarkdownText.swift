/// Markdown text: characters that would start markup are escaped with a
/// backslash, `<` and `>` as entities, and an `&` that would start an entity
/// as `&amp;`, so that data cannot inject markup or HTML.
enum MarkdownText {
    static func escape(_ text: String) -> String {
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
