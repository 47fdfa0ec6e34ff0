import Mustache

/// A view as dictionaries and arrays, reflected once: the template engine
/// looks each name up in a dictionary rather than reflecting the view anew
/// for every name, row and level of its context (which cost most of a
/// page's rendering). The tree answers every lookup as the view would: a
/// property is a key, an optional property holding nothing is no key (so
/// that the name is looked for further out, as before), and values the
/// engine treats on their own (strings, numbers, lambdas, values that
/// render themselves) are kept as they are.
enum MustacheTree {
    static func make(_ value: Any) -> Any {
        switch value {
        case is String, is Substring, is Bool, is Int, is Int64, is Int32, is Double, is Float, is Character,
            is MustacheLambda, is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let present = unwrapped(child.value) else { continue }
                // The first of a label, as a reflected lookup finds it.
                if fields[label] == nil { fields[label] = make(present) }
            }
            return fields
        case .collection?:
            return mirror.children.map { make($0.value) }
        case .optional?:
            return mirror.children.first.map { make($0.value) } as Any
        default:
            return value
        }
    }

    /// A value without its optional wrapper; `nil` for an optional holding nothing.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
