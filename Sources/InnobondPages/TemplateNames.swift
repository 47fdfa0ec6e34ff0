import Synchronization

/// Every name a template or a view uses, numbered once: a field is found
/// by its name's number in a table rather than by hashing its text (the
/// hashing was a fifth of an HTML bond list's CPU).
enum TemplateNames {
    private static let numbers = Mutex<[String: Int]>([:])

    /// `name`'s number, given on first sight.
    static func number(_ name: String) -> Int {
        numbers.withLock { table in
            if let known = table[name] { return known }
            let number = table.count
            table[name] = number
            return number
        }
    }

    /// The position of each name of `names` in a table by name number
    /// (-1: not among them); the first of a name repeated wins.
    static func positions(_ names: [String]) -> [Int] {
        let numbered = names.map(number)
        var positions = [Int](repeating: -1, count: (numbered.max() ?? -1) + 1)
        for (position, number) in numbered.enumerated() where positions[number] < 0 {
            positions[number] = position
        }
        return positions
    }
}
