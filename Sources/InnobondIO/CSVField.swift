/// RFC 4180 fields.
public enum CSVField {
    /// The field, quoted when it holds a comma, a quote or a line break. A
    /// field that a spreadsheet would run as a formula gets a leading quote mark.
    public static func quote(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
