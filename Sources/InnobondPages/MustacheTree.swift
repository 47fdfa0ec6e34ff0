import Mustache
@_spi(Reflection) import Swift
import Synchronization

/// A view as named fields and arrays, reflected once: the template engine
/// looks each name up in a table rather than reflecting the view anew
/// for every name, row and level of its context (which cost most of a
/// page's rendering). The tree answers every lookup as the view would: a
/// property is a key, an optional property holding nothing is no key (so
/// that the name is looked for further out, as before), strings become
/// ``Text``, and values the engine treats on their own (numbers, lambdas,
/// values that render themselves) are kept as they are.
enum MustacheTree {
    /// How a value of a type becomes part of the tree.
    private enum Kind {
        /// Kept as it is.
        case leaf
        /// A string, kept as ``Text``.
        case text
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
        let positions: [String: Int]

        init(_ properties: [StoredProperty], labels: [String]) {
            self.properties = properties
            // A struct's stored properties have distinct names.
            positions = Dictionary(labels.enumerated().map { ($1, $0) }) { first, _ in first }
        }
    }

    /// Kinds by type, found once a type: casts to protocols cost more than
    /// the rest of the tree.
    private static let kinds = Mutex<[ObjectIdentifier: Kind]>([:])

    static func make(_ value: Any) -> Any {
        switch kind(of: value) {
        case .leaf:
            return value
        case .text:
            return Text(string: value as! String)
        case .fields(let layout?):
            // Read at their offsets: a mirror resolved each property's type
            // by its mangled name on every view, a fifth of a page's rendering.
            func read<View>(_ view: View) -> Fields { fields(of: view, layout) }
            return _openExistential(value, do: read)
        case .fields(nil):
            var positions: [String: Int] = [:]
            var values: [Any?] = []
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                // The first of a label, as a reflected lookup finds it.
                if positions[label] == nil { positions[label] = values.count }
                values.append(unwrapped(child.value).map(make))
            }
            return Fields(positions, values)
        case .elements:
            return Mirror(reflecting: value).children.map { make($0.value) }
        case .optional:
            return unwrapped(value).map(make) as Any
        }
    }

    /// The named fields of a struct, its stored properties read in place.
    private static func fields<View>(of view: View, _ layout: Layout) -> Fields {
        var values: [Any?] = []
        values.reserveCapacity(layout.properties.count)
        withUnsafeBytes(of: view) { bytes in
            guard let base = bytes.baseAddress else { return }
            for property in layout.properties {
                if property.isString {
                    values.append(Text(string: base.load(fromByteOffset: property.offset, as: String.self)))
                } else if property.isBool {
                    values.append(base.load(fromByteOffset: property.offset, as: Bool.self))
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
        case is Substring, is Bool, is Int, is Int64, is Int32, is Double, is Float, is Character,
            is MustacheLambda, is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation:
            found = .leaf
        default:
            switch style {
            case .struct?: found = .fields(layout(of: Swift.type(of: value)))
            case .class?: found = .fields(nil)
            case .collection?: found = .elements
            default: found = .leaf
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

/// A view's properties by name: its values in order and the position of
/// each name, a table its type's views share. A class of its own rather
/// than a dictionary: the engine casts every value it meets to its
/// protocols, and a cast of a dictionary to `MustacheParent` (a conformance
/// on the condition that its keys are strings) checks that condition every
/// time, which cost a fifth of a list page's rendering.
private final class Fields: MustacheParent {
    let positions: [String: Int]
    /// `nil` for an optional holding nothing: no such name here.
    let values: [Any?]

    init(_ positions: [String: Int], _ values: [Any?]) {
        self.positions = positions
        self.values = values
    }

    func child(named name: String) -> Any? { positions[name].flatMap { values[$0] } }
}

/// A view's string. It renders itself, so the engine takes it at its first
/// cast to what it can print instead of printing it as any value, which
/// cast it twice more and copied it. It has no named fields: a name looked
/// up inside a section over it is looked for further out, as for a string.
private struct Text: MustacheCustomRenderable, MustacheParent {
    let string: String

    var renderText: String { string }

    var isNull: Bool { false }

    func child(named name: String) -> Any? { nil }
}

/// An optional's value as `Any`, without reflecting it.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { map { $0 } }
}
