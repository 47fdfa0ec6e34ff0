import FixedIncome
import InnobondModel

/// Screens names against the parties measures name: each name's candidates
/// with their score (``PartyName/similarity(_:_:)``), recognised by unified
/// social credit code or by name and alias, with where each measure stands
/// on the day. Built once for a register; a name's candidates come from the
/// targets sharing a pair of characters with it, never from all of them.
public struct NameScreen: Sendable {
    public struct Candidate: Sendable, Hashable {
        public var target: MeasureTarget
        public var measure: Measure
        /// The target's name or alias that matched.
        public var matchedName: String
        /// 1 for the same code or key, else the names' similarity.
        public var score: Double
        /// `uscc` or `name`.
        public var matchedBy: String
        /// Where the measure stands on the day screened.
        public var standing: Measure.Standing
    }

    /// A name of a target, analysed, with its pairs as ids and counts sorted by id.
    private struct Entry: Sendable {
        var target: Int
        var name: String
        var analysis: PartyName.Analysis
        var pairs: [(id: Int32, count: Int32)]
    }

    private let targets: [MeasureTarget]
    private let measures: [String: Measure]
    private let entries: [Entry]
    /// Each pair of characters of the targets' names, numbered.
    private let pairIDs: [String: Int32]
    /// For each pair's id, the entries whose key has it, in order.
    private let postings: [[Int32]]
    private let byUSCC: [USCC: [Int]]

    public init(measures: [Measure], targets: [MeasureTarget]) {
        self.targets = targets
        self.measures = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        var pairIDs: [String: Int32] = [:]
        var postings: [[Int32]] = []
        var byUSCC: [USCC: [Int]] = [:]
        // Every name of every target, analysed on both cores.
        let names = targets.enumerated().flatMap { index, target in
            ([target.name] + target.aliases).map { (target: index, name: $0) }
        }
        let half = names.count / 2
        let (first, second) = Parallel.both(
            { names[..<half].map { PartyName.Analysis($0.name) } },
            { names[half...].map { PartyName.Analysis($0.name) } })
        for (index, target) in targets.enumerated() {
            if let uscc = target.uscc { byUSCC[uscc, default: []].append(index) }
        }
        for ((index, name), analysis) in zip(names, first + second) {
            guard !analysis.key.isEmpty else { continue }
            var pairs: [(id: Int32, count: Int32)] = []
            for (pair, count) in analysis.pairs {
                let id =
                    pairIDs[pair]
                    ?? {
                        let id = Int32(postings.count)
                        pairIDs[pair] = id
                        postings.append([])
                        return id
                    }()
                postings[Int(id)].append(Int32(entries.count))
                pairs.append((id, Int32(count)))
            }
            entries.append(
                Entry(target: index, name: name, analysis: analysis, pairs: pairs.sorted { $0.id < $1.id }))
        }
        self.entries = entries
        self.pairIDs = pairIDs
        self.postings = postings
        self.byUSCC = byUSCC
    }

    /// How many names the screen holds (targets' names and aliases).
    public var nameCount: Int { entries.count }

    /// The candidates for `name` (and its code) scoring at least
    /// `threshold` (more than 0), whose target is named on `day` by a
    /// measure in effect then (in force or suspended), best first.
    public func candidates(
        for name: String, uscc: USCC? = nil, on day: CivilDate, threshold: Double = PartyName.defaultThreshold
    ) -> [Candidate] {
        // The best entry of each target; of equal scores the first of its names (name, then aliases).
        var best: [Int: (score: Double, entry: Int, name: String, by: String)] = [:]
        for index in uscc.map({ byUSCC[$0] ?? [] }) ?? [] { best[index] = (1, -1, targets[index].name, "uscc") }
        let query = PartyName.Analysis(name)
        let size = Double(query.pairCount)
        // The query's pairs the targets have, by id; the others are shared with none.
        let known = query.pairs.compactMap { pair, count in pairIDs[pair].map { (id: $0, count: Int32(count)) } }
            .sorted { $0.id < $1.id }
        // Prefix filtering (Chaudhuri et al.): a name reaching Dice t shares
        // at least t·|Q| / (2 − t) pairs with the query (|Q| its pairs), so it
        // shares one of the rarest pairs, probed until the pairs left over
        // could no longer make up that many; and it has between t·|Q| / (2 − t)
        // and |Q|·(2 − t) / t pairs itself.
        let needed = threshold * size / (2 - threshold) - 1e-9
        let longest = size * (2 - threshold) / threshold + 1e-9
        var remaining = Double(known.reduce(0) { $0 + Int($1.count) })
        var probed: [Int32] = []
        for pair in known.sorted(by: { (postings[Int($0.id)].count, $0.id) < (postings[Int($1.id)].count, $1.id) }) {
            guard remaining >= needed else { break }
            probed += postings[Int(pair.id)]
            remaining -= Double(pair.count)
        }
        probed.sort()
        var previous: Int32 = -1
        for entryIndex in probed where entryIndex != previous {
            previous = entryIndex
            let entry = entries[Int(entryIndex)]
            let length = Double(entry.analysis.pairCount)
            guard length >= needed && length <= longest else { continue }
            // The pairs both have, counted as often as both have them: a merge of two sorted lists.
            var shared: Int32 = 0
            var (i, j) = (0, 0)
            while i < known.count && j < entry.pairs.count {
                if known[i].id == entry.pairs[j].id {
                    shared += min(known[i].count, entry.pairs[j].count)
                    i += 1
                    j += 1
                } else if known[i].id < entry.pairs[j].id {
                    i += 1
                } else {
                    j += 1
                }
            }
            let dice =
                query.key == entry.analysis.key ? 1 : 2 * Double(shared) / max(1, size + length)
            guard dice >= threshold else { continue }
            let score = PartyName.distinguished(dice, query, entry.analysis)
            guard score >= threshold else { continue }
            if let known = best[entry.target], known.score >= score { continue }
            best[entry.target] = (score, Int(entryIndex), entry.name, "name")
        }
        return best.compactMap { index, match -> Candidate? in
            let target = targets[index]
            guard target.named(on: day), let measure = measures[target.measureID] else { return nil }
            let standing = measure.standing(on: day)
            guard standing == .inForce || standing == .suspended else { return nil }
            return Candidate(
                target: target, measure: measure, matchedName: match.name, score: match.score, matchedBy: match.by,
                standing: standing)
        }
        .sorted { ($0.score, $1.measure.id, $1.target.targetID) > ($1.score, $0.measure.id, $0.target.targetID) }
    }
}
