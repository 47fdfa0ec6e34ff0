/// A value as a template sees it (made from a view by ``MustacheTree``).
enum TemplateValue {
    /// Printed as this text: strings, and numbers and other values as
    /// Swift describes them.
    case text(String)
    /// A truth value: a section shows for `true` (without entering a new
    /// scope) and an inverted section for `false`.
    case flag(Bool)
    /// An array's element holding nothing: printed as `nil`.
    case null
    /// Named fields; a name missing here is looked for further out.
    case fields(Fields)
    /// A section shows once for each element, in order.
    case list([TemplateValue])

    /// The value of the field named by `number` (``TemplateNames``), if this has one.
    func child(numbered number: Int) -> TemplateValue? {
        guard case .fields(let fields) = self else { return nil }
        return fields.child(numbered: number)
    }

    /// The text a variable prints, before escaping. Fields and lists print
    /// nothing: a template names one of their fields or elements.
    var printed: String {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag ? "true" : "false"
        case .null: "nil"
        case .fields, .list: ""
        }
    }
}

/// A view's fields by name: its values in order and the position of each
/// name by its number (``TemplateNames/positions(_:)``), a table its
/// type's views share.
final class Fields {
    let positions: [Int]
    /// `nil` for an optional holding nothing: no such name here.
    let values: [TemplateValue?]

    init(_ positions: [Int], _ values: [TemplateValue?]) {
        self.positions = positions
        self.values = values
    }

    /// A name numbered after these fields were laid out is none of theirs.
    func child(numbered number: Int) -> TemplateValue? {
        guard number < positions.count else { return nil }
        let position = positions[number]
        return position < 0 ? nil : values[position]
    }
}
