import FixedIncome

/// Who owns whom, and how much, over time: direct shares with their dates,
/// and effective ownership through chains, aggregated as OFAC's 50 % rule
/// and BIS's Affiliates rule aggregate it: multiply the shares along a chain,
/// add the chains. A party is named by a key: a unified social credit code,
/// or a name (normalised by the caller). Holdings that go round in a circle
/// or over-own a party on some day make no graph: an import that would
/// store them is refused, and a register that holds them says why.
public struct OwnershipGraph: Sendable {
    /// A direct holding of `parent` in `child`.
    public struct Link: Sendable, Hashable {
        public var parent: String
        public var child: String
        /// The share held directly, percent, more than 0 and at most 100.
        public var sharePercent: Double
        /// The first day the holding stands.
        public var from: CivilDate
        /// The first day it no longer stands; `nil` while it does.
        public var until: CivilDate?

        public init(parent: String, child: String, sharePercent: Double, from: CivilDate, until: CivilDate? = nil) {
            self.parent = parent
            self.child = child
            self.sharePercent = sharePercent
            self.from = from
            self.until = until
        }

        /// Whether the holding stands on `day`.
        public func holds(on day: CivilDate) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
    }

    /// Why links cannot make a graph.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The parties of a chain that comes back to its start, on a day.
        case cycle([String], on: CivilDate)
        /// A party's direct owners hold more than all of it on a day.
        case overOwned(String, percent: Double, on: CivilDate)

        public var description: String {
            switch self {
            case .cycle(let parties, let day):
                return "ownership goes round in a circle on \(day): " + parties.joined(separator: " → ")
            case .overOwned(let party, let percent, let day):
                return "\(party) is owned \(percent.shortText) % directly on \(day), more than all of it"
            }
        }
    }

    /// A chain of holdings from an owner down to a party, and the share it carries.
    public struct Chain: Sendable, Hashable {
        /// The parties from the owner to the party owned.
        public var parties: [String]
        /// The product of the shares along it, percent.
        public var percent: Double
    }

    public let links: [Link]
    private let byParent: [String: [Link]]
    private let byChild: [String: [Link]]

    /// The graph of `links`; refused when on some day they go round in a
    /// circle or give a party owners of more than 100 %.
    public init(_ links: [Link]) throws(Problem) {
        self.links = links
        byParent = Dictionary(grouping: links, by: \.parent)
        byChild = Dictionary(grouping: links, by: \.child)
        // The holdings change only on the days a link starts or ends.
        let days = Set(links.map(\.from) + links.compactMap(\.until)).sorted()
        for day in days {
            for (child, owners) in byChild {
                let total = owners.filter { $0.holds(on: day) }.reduce(0) { $0 + $1.sharePercent }
                if total > 100 + 1e-9 { throw .overOwned(child, percent: total, on: day) }
            }
            if let cycle = Self.cycle(on: day, byParent) { throw .cycle(cycle, on: day) }
        }
    }

    /// A circle of holdings standing on `day`, if any: depth first, three colours.
    private static func cycle(on day: CivilDate, _ byParent: [String: [Link]]) -> [String]? {
        var state: [String: Bool] = [:]  // false: on the path; true: done
        var path: [String] = []
        func visit(_ party: String) -> [String]? {
            state[party] = false
            path.append(party)
            for link in byParent[party] ?? [] where link.holds(on: day) {
                switch state[link.child] {
                case false?:
                    let start = path.firstIndex(of: link.child)!
                    return Array(path[start...]) + [link.child]
                case nil:
                    if let found = visit(link.child) { return found }
                case true?: continue
                }
            }
            path.removeLast()
            state[party] = true
            return nil
        }
        for party in byParent.keys.sorted() where state[party] == nil {
            if let found = visit(party) { return found }
        }
        return nil
    }

    /// The share `owner` holds in `party` on `day`, directly or through
    /// others, percent: the sum over every chain of the product of its shares.
    public func share(of owner: String, in party: String, on day: CivilDate) -> Double {
        chains(from: owner, to: party, on: day).reduce(0) { $0 + $1.percent }
    }

    /// Every chain of holdings from `owner` down to `party` standing on `day`.
    public func chains(from owner: String, to party: String, on day: CivilDate) -> [Chain] {
        guard owner != party else { return [] }
        var found: [Chain] = []
        func walk(_ at: String, _ parties: [String], _ fraction: Double) {
            for link in byParent[at] ?? [] where link.holds(on: day) {
                let carried = fraction * link.sharePercent / 100
                if link.child == party {
                    found.append(Chain(parties: parties + [party], percent: carried * 100))
                } else {
                    walk(link.child, parties + [link.child], carried)
                }
            }
        }
        walk(owner, [owner], 1)
        return found
    }

    /// Every party that holds some of `party` on `day`, directly or not,
    /// with its effective share (percent), largest first.
    public func owners(of party: String, on day: CivilDate) -> [(owner: String, percent: Double)] {
        var ancestors: Set<String> = []
        var queue = [party]
        while let next = queue.popLast() {
            for link in byChild[next] ?? [] where link.holds(on: day) && ancestors.insert(link.parent).inserted {
                queue.append(link.parent)
            }
        }
        return ancestors.map { ($0, share(of: $0, in: party, on: day)) }.sorted {
            ($0.percent, $1.owner) > ($1.percent, $0.owner)
        }
    }

    /// Every party `owner` holds some of on `day`, directly or not, with the
    /// effective share (percent), largest first.
    public func holdings(of owner: String, on day: CivilDate) -> [(party: String, percent: Double)] {
        var descendants: Set<String> = []
        var queue = [owner]
        while let next = queue.popLast() {
            for link in byParent[next] ?? [] where link.holds(on: day) && descendants.insert(link.child).inserted {
                queue.append(link.child)
            }
        }
        return descendants.map { ($0, share(of: owner, in: $0, on: day)) }.sorted {
            ($0.percent, $1.party) > ($1.percent, $0.party)
        }
    }
}
