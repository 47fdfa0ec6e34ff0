import FixedIncome
import InnobondModel

/// The bonds a list query passes, in its order: a set of bonds walked in a
/// sort's order, so that a page costs the bonds walked to reach it, or for
/// a few bonds put in that order by their keys.
struct BondListing: Sendable {
    let index: BondIndex
    let order: BondIndex.Order
    /// The sort `order` is in, and the day its keys are read on.
    let sort: BondQuery.Sort
    let day: CivilDate
    let descending: Bool
    /// The bonds listed, by position in the registry.
    let members: BondBitmap
    /// For each value of a facet, the bonds that pass every other condition.
    let facets: BondScreener.Facets
    /// How many bonds the list holds.
    let total: Int

    init(
        index: BondIndex, sort: BondQuery.Sort, day: CivilDate, descending: Bool, members: BondBitmap,
        facets: BondScreener.Facets
    ) {
        self.index = index
        order = index.order(sort, on: day)
        self.sort = sort
        self.day = day
        self.descending = descending
        self.members = members
        self.facets = facets
        total = members.cardinality
    }

    /// Up to `count` bonds from place `start` (0 for the first) of the list.
    func bonds(from start: Int, count: Int) -> [Bond] {
        guard start < total, count > 0 else { return [] }
        let wanted = min(count, total - start)
        // Walking the sort order visits about (start + wanted) / density
        // bonds; a list of few bonds is put in the sort's order by their
        // keys instead (at 1,000,000 bonds a selective list walked most of
        // the order to fill its page).
        let words = (index.bonds.count + 63) / 64
        if (start + wanted) * index.bonds.count / total > words + total * (Int.bitWidth - total.leadingZeroBitCount) {
            return inOrder().dropFirst(start).prefix(wanted).map { index.bonds[$0] }
        }
        var found: [Bond] = []
        found.reserveCapacity(min(count, total - start))
        var place = 0
        walk { position in
            if place >= start { found.append(index.bonds[position]) }
            place += 1
            return found.count < count
        }
        return found
    }

    /// Every bond of the list, in order.
    var all: [Bond] { bonds(from: 0, count: total) }

    /// The place in the list of the bond with `code`, when it is listed.
    func place(of code: String) -> Int? {
        guard let bondCode = BondCode(code), let target = index.snapshot.position(of: bondCode),
            index.bonds[target].code.value == code, members[target]
        else { return nil }
        var place = 0
        walk { position in
            if position == target { return false }
            place += 1
            return true
        }
        return place
    }

    /// The registry positions of the listed bonds in the list's order, as
    /// ``walk(_:)`` visits them: the members put in the sort's order.
    func inOrder() -> [Int] {
        let arranged = index.arranged(members.positions.map { Int32($0) }, sort, day: day)
        let (keyed, unkeyed) = (arranged.positions[..<arranged.keyed], arranged.positions[arranged.keyed...])
        let visited = descending ? Array(keyed.reversed()) + unkeyed.reversed() : arranged.positions
        return visited.map { Int($0) }
    }

    /// Calls `body` with the registry position of each listed bond in the
    /// list's order, until it returns `false`. Descending, keyed bonds come
    /// from the largest key down and ties by code downwards; bonds without
    /// the key stay last, by code downwards.
    private func walk(_ body: (Int) -> Bool) {
        let positions = order.positions
        func visit(_ places: some Sequence<Int>) -> Bool {
            for place in places {
                let position = Int(positions[place])
                if members[position] && !body(position) { return false }
            }
            return true
        }
        if descending {
            if visit((0..<order.keyed).reversed()) { _ = visit((order.keyed..<positions.count).reversed()) }
        } else {
            _ = visit(0..<positions.count)
        }
    }
}
