/// The keys the objects of one key type have written in a ``JSONStream``,
/// each numbered once with its name (converted to snake case when the
/// stream converts keys), its `"name":` as written, and its name's rank
/// among them by UTF-8. The objects of a list write the same keys in the
/// same order, so that a key is found by comparing it with the one
/// expected next: converting, escaping and comparing names each time
/// was most of the stream's CPU.
///
/// A table serves one stream, and so one encoding on one thread: its
/// properties' accesses are not checked at run time (see ``JSONStream``).
final class JSONStreamKeys {
    /// More keys than this are a dictionary's, not a type's: past it the
    /// stream gives the value to Foundation rather than rank every key.
    static let limit = 256

    private let convertsKeys: Bool
    /// By number: the key as its type gives it, and its name.
    @exclusivity(unchecked) private var keys: [String] = []
    @exclusivity(unchecked) private var names: [String] = []
    /// Every `"name":` in number order, and where each begins (with the end).
    @exclusivity(unchecked) private var written: [UInt8] = []
    @exclusivity(unchecked) private var writtenStarts: [Int] = [0]
    /// By number: the name's place among all names by UTF-8.
    @exclusivity(unchecked) private var ranks: [Int] = []
    /// Numbers in the order objects write their keys.
    @exclusivity(unchecked) private var sequence: [Int] = []
    /// The last members' ranks seen out of order, and their sorted order:
    /// the objects of a list repeat them.
    @exclusivity(unchecked) private var lastRanks: [Int] = []
    @exclusivity(unchecked) private var lastOrder: [Int] = []

    init(convertsKeys: Bool) {
        self.convertsKeys = convertsKeys
    }

    /// The number of `key`, looked for from `cursor` in the order written
    /// (and numbered if new); `cursor` moves past it.
    func number(of key: String, from cursor: inout Int) throws(JSONStream.Unsupported) -> Int {
        var place = min(cursor, sequence.count)
        for _ in sequence.indices {
            if place == sequence.count { place = 0 }
            // By bytes: `==` holds a composed and a decomposed é equal.
            if keys[sequence[place]].utf8.elementsEqual(key.utf8) {
                cursor = place + 1
                return sequence[place]
            }
            place += 1
        }
        let name = convertsKeys ? SnakeCaseKeys.name(key) : key
        // Two keys of one name (Foundation keeps one), or a dictionary.
        guard !names.contains(name), keys.count < Self.limit else { throw JSONStream.Unsupported() }
        let number = keys.count
        keys.append(key)
        names.append(name)
        written.append(contentsOf: JSONStream.quoted(name))
        written.append(UInt8(ascii: ":"))
        writtenStarts.append(written.count)
        // Names keep their order among themselves as others join them.
        let below = names.indices.filter { JSONStream.precedes(names[$0], name) }.count
        for other in ranks.indices where ranks[other] >= below { ranks[other] += 1 }
        ranks.append(below)
        lastRanks = []
        sequence.insert(number, at: place)
        cursor = place + 1
        return number
    }

    /// Where key `number`'s name sorts among the names.
    func rank(of number: Int) -> Int { ranks[number] }

    /// Appends `"name":` of key `number` to `bytes`.
    func write(_ number: Int, to bytes: inout [UInt8]) {
        written.withUnsafeBufferPointer { all in
            bytes.append(
                contentsOf: UnsafeBufferPointer(rebasing: all[writtenStarts[number]..<writtenStarts[number + 1]]))
        }
    }

    /// The positions of `members` (key numbers) in their names' order;
    /// throws when a name comes twice.
    func order(of members: ArraySlice<Int>) throws(JSONStream.Unsupported) -> [Int] {
        if members.count == lastRanks.count,
            zip(members, lastRanks).allSatisfy({ ranks[$0] == $1 })
        {
            return lastOrder
        }
        let memberRanks = members.map { ranks[$0] }
        let order = memberRanks.indices.sorted { memberRanks[$0] < memberRanks[$1] }
        for (a, b) in zip(order, order.dropFirst()) where memberRanks[a] == memberRanks[b] {
            throw JSONStream.Unsupported()
        }
        (lastRanks, lastOrder) = (memberRanks, order)
        return order
    }
}
