@_spi(Reflection) import Swift
import Synchronization

/// A view as a ``TemplateValue``: named fields and lists, reflected once
/// so that the engine looks each name up in a table. The tree answers every
/// lookup as the view would: a property is a key, an optional property
/// holding nothing is no key (so that the name is looked for further out),
/// truth values stay truth values, arrays and sets become lists, structs
/// and classes (even those that describe themselves) become fields, and
/// other values (numbers, enumerations) are printed as Swift describes
/// them.
enum MustacheTree {
    /// How a value of a type becomes part of the tree.
    private enum Kind {
        /// Printed as Swift describes it.
        case printed
        /// A string.
        case text
        /// A truth value.
        case flag
        /// Its properties become named fields: a struct's stored properties
        /// read at their offsets, or (`nil`) reflected by a mirror.
        case fields(Layout?)
        /// Its elements become an array.
        case elements
        /// Its value, if any, stands for it.
        case optional
    }

    /// A struct's stored property, as the runtime lays it out.
    private struct StoredProperty {
        /// Bytes from the start of the struct.
        var offset: Int
        var type: Any.Type
        /// A string or a truth value is read as such, without asking its
        /// value's kind.
        var isString: Bool
        var isBool: Bool
    }

    /// A struct type's stored properties in declaration order, and the
    /// position of each by name: one table a type, shared by its views.
    private final class Layout: Sendable {
        let properties: [StoredProperty]
        /// Positions by name number (``TemplateNames``).
        let positions: [Int]

        init(_ properties: [StoredProperty], labels: [String]) {
            self.properties = properties
            positions = TemplateNames.positions(labels)
        }
    }

    /// Kinds by type, found once a type: casts to protocols cost more than
    /// the rest of the tree.
    private static let kinds = Mutex<[ObjectIdentifier: Kind]>([:])

    static func make(_ value: Any) -> TemplateValue {
        switch kind(of: value) {
        case .printed:
            return .text(String(describing: value))
        case .text:
            return .text(value as! String)
        case .flag:
            return .flag(value as! Bool)
        case .fields(let layout?):
            // Read at their offsets: a mirror resolved each property's type
            // by its mangled name on every view, a fifth of a page's rendering.
            func read<View>(_ view: View) -> Fields { fields(of: view, layout) }
            return .fields(_openExistential(value, do: read))
        case .fields(nil):
            var labels: [String] = []
            var values: [TemplateValue?] = []
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                labels.append(label)
                values.append(unwrapped(child.value).map(make))
            }
            // The first of a label, as a reflected lookup finds it.
            return .fields(Fields(TemplateNames.positions(labels), values))
        case .elements:
            return .list(Mirror(reflecting: value).children.map { make($0.value) })
        case .optional:
            return unwrapped(value).map(make) ?? .null
        }
    }

    /// The named fields of a struct, its stored properties read in place.
    private static func fields<View>(of view: View, _ layout: Layout) -> Fields {
        var values: [TemplateValue?] = []
        values.reserveCapacity(layout.properties.count)
        withUnsafeBytes(of: view) { bytes in
            guard let base = bytes.baseAddress else { return }
            for property in layout.properties {
                if property.isString {
                    values.append(.text(base.load(fromByteOffset: property.offset, as: String.self)))
                } else if property.isBool {
                    values.append(.flag(base.load(fromByteOffset: property.offset, as: Bool.self)))
                } else {
                    func load<Value>(_: Value.Type) -> Any {
                        base.load(fromByteOffset: property.offset, as: Value.self)
                    }
                    values.append(unwrapped(_openExistential(property.type, do: load)).map(make))
                }
            }
        }
        return Fields(layout.positions, values)
    }

    /// A struct's stored properties in declaration order (as a mirror lists
    /// them); `nil` when the runtime cannot list them.
    private static func layout(of type: Any.Type) -> Layout? {
        var properties: [StoredProperty] = []
        var labels: [String] = []
        let listed = _forEachField(of: type) { name, offset, type, _ in
            properties.append(
                StoredProperty(offset: offset, type: type, isString: type == String.self, isBool: type == Bool.self))
            labels.append(String(cString: name))
            return true
        }
        return listed ? Layout(properties, labels: labels) : nil
    }

    private static func kind(of value: Any) -> Kind {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = kinds.withLock({ $0[type] }) { return known }
        let found: Kind
        let style = Mirror(reflecting: value).displayStyle
        // An optional first: a cast would look into it, so that its type's
        // kind would follow its first value.
        switch value {
        case _ where style == .optional:
            found = .optional
        case is String:
            found = .text
        case is Bool:
            found = .flag
        case is Substring, is Int, is Int64, is Int32, is Double, is Float, is Character:
            found = .printed
        default:
            switch style {
            case .struct?: found = .fields(layout(of: Swift.type(of: value)))
            case .class?: found = .fields(nil)
            case .collection?, .set?: found = .elements
            default: found = .printed
            }
        }
        kinds.withLock { $0[type] = found }
        return found
    }

    /// A value without its optional wrapper; `nil` for an optional holding nothing.
    private static func unwrapped(_ value: Any) -> Any? {
        guard case .optional = kind(of: value), let optional = value as? any OptionalValue else { return value }
        return optional.wrapped
    }
}

/// An optional's value as `Any`, without reflecting it.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { map { $0 } }
}
