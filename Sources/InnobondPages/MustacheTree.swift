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
        /// An array: its elements become a list, read without a mirror.
        case array(any TemplateList.Type)
        /// Another collection: its elements, as a mirror lists them, become a list.
        case elements
        /// Its value, if any, stands for it.
        case optional
    }

    /// A struct's stored property, as the runtime lays it out.
    private struct StoredProperty {
        /// Bytes from the start of the struct.
        var offset: Int
        var type: Any.Type
        /// How the property is read, found once with its struct's layout.
        var reading: Reading
    }

    /// How a stored property is read: by what its type says where that
    /// decides it, so that a view's values are neither boxed nor cast.
    private enum Reading {
        case string
        case optionalString
        case bool
        /// A struct or an enumeration: every value stored there is of the
        /// property's type, so that its kind is found once.
        case value(Kind)
        /// An optional of another type: unwrapped without a cast.
        case optional(any TemplateOptional.Type)
        /// A class, an existential or another type: by its value's kind (a
        /// struct in an existential read by a mirror).
        case dynamic
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
            // A struct reached through an existential (a value of a generic
            // `any P` boxed again) is not laid out where it was opened.
            func read<View>(_ view: View) -> Fields? {
                isItsOwnType(view) ? fields(of: view, layout) : nil
            }
            return .fields(_openExistential(value, do: read) ?? reflectedFields(value))
        case .fields(nil):
            return .fields(reflectedFields(value))
        case .array(let type):
            return type.templateList(of: value)
        case .elements:
            return .list(Mirror(reflecting: value).children.map { make($0.value) })
        case .optional:
            return unwrapped(value).map(make) ?? .null
        }
    }

    /// The named fields of a value, as a mirror lists them.
    private static func reflectedFields(_ value: Any) -> Fields {
        var labels: [String] = []
        var values: [TemplateValue?] = []
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            labels.append(label)
            values.append(unwrapped(child.value).map(make))
        }
        // The first of a label, as a reflected lookup finds it.
        return Fields(TemplateNames.positions(labels), values)
    }

    /// Whether `value`'s static type is its dynamic type (not an
    /// existential holding it), so that its bytes are its type's layout.
    private static func isItsOwnType<Value>(_ value: Value) -> Bool {
        Value.self == Swift.type(of: value as Any)
    }

    /// The named fields of a struct, its stored properties read in place.
    private static func fields<View>(of view: View, _ layout: Layout) -> Fields {
        withUnsafeBytes(of: view) { bytes in
            // An empty struct has no bytes and no properties.
            guard let base = bytes.baseAddress else { return Fields(layout.positions, []) }
            return fields(at: base, layout)
        }
    }

    /// The named fields of the struct at `base`.
    private static func fields(at base: UnsafeRawPointer, _ layout: Layout) -> Fields {
        var values: [TemplateValue?] = []
        values.reserveCapacity(layout.properties.count)
        for property in layout.properties {
            let at = base + property.offset
            switch property.reading {
            case .string:
                values.append(.text(at.load(as: String.self)))
            case .optionalString:
                values.append(at.load(as: String?.self).map(TemplateValue.text))
            case .bool:
                values.append(.flag(at.load(as: Bool.self)))
            case .value(.fields(let nested?)):
                values.append(.fields(fields(at: at, nested)))
            case .value(.array(let type)):
                values.append(type.templateList(at: at))
            case .optional(let type):
                values.append(type.wrapped(at: at).map(make))
            case .value, .dynamic:
                func load<Value>(_: Value.Type) -> Any { at.load(as: Value.self) }
                values.append(unwrapped(_openExistential(property.type, do: load)).map(make))
            }
        }
        return Fields(layout.positions, values)
    }

    /// The list of an array's elements. Elements of one struct type share
    /// its layout, found once from the first.
    fileprivate static func list<Element>(_ elements: [Element]) -> TemplateValue {
        if Element.self == String.self {
            return .list(unsafeBitCast(elements, to: [String].self).map(TemplateValue.text))
        }
        if let first = elements.first, isItsOwnType(first), case .fields(let layout?) = kind(of: first) {
            return .list(elements.map { .fields(fields(of: $0, layout)) })
        }
        return .list(elements.map { make($0) })
    }

    /// A struct's stored properties in declaration order (as a mirror lists
    /// them); `nil` when the runtime cannot list them.
    private static func layout<View>(of view: View) -> Layout? {
        var properties: [StoredProperty] = []
        var labels: [String] = []
        let listed = withUnsafeBytes(of: view) { bytes in
            _forEachField(of: View.self) { name, offset, type, metadataKind in
                let value = bytes.baseAddress.map { $0 + offset }
                properties.append(
                    StoredProperty(offset: offset, type: type, reading: reading(type, metadataKind, at: value)))
                labels.append(String(cString: name))
                return true
            }
        }
        return listed ? Layout(properties, labels: labels) : nil
    }

    /// How a property of `type` is read; `value` points at one of its values.
    private static func reading(_ type: Any.Type, _ metadataKind: _MetadataKind, at value: UnsafeRawPointer?) -> Reading
    {
        if type == String.self { return .string }
        if type == String?.self { return .optionalString }
        if type == Bool.self { return .bool }
        switch metadataKind {
        case .struct, .enum:
            guard let value else { return .dynamic }
            func load<Value>(_: Value.Type) -> Any { value.load(as: Value.self) }
            return .value(kind(of: _openExistential(type, do: load)))
        case .optional:
            return (type as? any TemplateOptional.Type).map(Reading.optional) ?? .dynamic
        default:
            return .dynamic
        }
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
        case let list as any TemplateList:
            found = .array(Swift.type(of: list))
        default:
            switch style {
            case .struct?:
                func laidOut<View>(_ view: View) -> Layout?? { isItsOwnType(view) ? layout(of: view) : nil }
                // Opened as an existential: read by a mirror this time, the
                // type's layout found when its own value comes.
                guard let layout = _openExistential(value, do: laidOut) else { return .fields(nil) }
                found = .fields(layout)
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
        guard case .optional = kind(of: value), let optional = value as? any TemplateOptional else { return value }
        return optional.wrapped
    }
}

/// An array, whose elements a template lists.
private protocol TemplateList: SendableMetatype {
    static func templateList(of value: Any) -> TemplateValue
    /// The list of the array at `pointer`.
    static func templateList(at pointer: UnsafeRawPointer) -> TemplateValue
}

extension Array: TemplateList {
    fileprivate static func templateList(of value: Any) -> TemplateValue { MustacheTree.list(value as! Self) }

    fileprivate static func templateList(at pointer: UnsafeRawPointer) -> TemplateValue {
        MustacheTree.list(pointer.load(as: Self.self))
    }
}

/// An optional's value as `Any`, without reflecting it.
private protocol TemplateOptional: SendableMetatype {
    var wrapped: Any? { get }
    /// The value of the optional at `pointer`.
    static func wrapped(at pointer: UnsafeRawPointer) -> Any?
}

extension Optional: TemplateOptional {
    fileprivate var wrapped: Any? { map { $0 } }

    fileprivate static func wrapped(at pointer: UnsafeRawPointer) -> Any? { pointer.load(as: Self.self).wrapped }
}
