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

    /// A name of a target, keyed.
    private struct Entry: Sendable {
        var target: Int
        var name: String
        var key: String
        var pairs: Int
    }

    private let targets: [MeasureTarget]
    private let measures: [String: Measure]
    private let entries: [Entry]
    /// For each pair of characters, the entries whose key has it.
    private let postings: [String: [Int32]]
    private let byUSCC: [USCC: [Int]]

    public init(measures: [Measure], targets: [MeasureTarget]) {
        self.targets = targets
        self.measures = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        var postings: [String: [Int32]] = [:]
        var byUSCC: [USCC: [Int]] = [:]
        for (index, target) in targets.enumerated() {
            if let uscc = target.uscc { byUSCC[uscc, default: []].append(index) }
            for name in [target.name] + target.aliases {
                let key = PartyName.key(name)
                guard !key.isEmpty else { continue }
                let pairs = Set(PartyName.bigrams(key))
                for pair in pairs { postings[pair, default: []].append(Int32(entries.count)) }
                entries.append(Entry(target: index, name: name, key: key, pairs: PartyName.bigrams(key).count))
            }
        }
        self.entries = entries
        self.postings = postings
        self.byUSCC = byUSCC
    }

    /// How many names the screen holds (targets' names and aliases).
    public var nameCount: Int { entries.count }

    /// The candidates for `name` (and its code) scoring at least
    /// `threshold`, whose target is named on `day` by a measure in effect
    /// then (in force or suspended), best first.
    public func candidates(
        for name: String, uscc: USCC? = nil, on day: CivilDate, threshold: Double = PartyName.defaultThreshold
    ) -> [Candidate] {
        // The best entry of each target; of equal scores the first of its names (name, then aliases).
        var best: [Int: (score: Double, entry: Int, name: String, by: String)] = [:]
        for index in uscc.map({ byUSCC[$0] ?? [] }) ?? [] { best[index] = (1, -1, targets[index].name, "uscc") }
        let key = PartyName.key(name)
        let pairs = PartyName.bigrams(key)
        if !pairs.isEmpty {
            // Entries sharing enough pairs to reach the threshold's Dice score.
            // Counting each shared pair as often as the name has it bounds
            // the shared pairs from above, so that no entry reaching the
            // threshold is passed over.
            var counts: [String: Int] = [:]
            for pair in pairs { counts[pair, default: 0] += 1 }
            var shared: [Int32: Int] = [:]
            for (pair, count) in counts {
                for entry in postings[pair] ?? [] { shared[entry, default: 0] += count }
            }
            for (entryIndex, count) in shared {
                let entry = entries[Int(entryIndex)]
                guard 2 * Double(count) / Double(pairs.count + entry.pairs) + 1e-9 >= threshold || entry.key == key
                else { continue }
                let score = PartyName.similarity(name, entry.name)
                guard score >= threshold else { continue }
                if let known = best[entry.target],
                    known.score > score || (known.score == score && known.entry < Int(entryIndex))
                {
                    continue
                }
                best[entry.target] = (score, Int(entryIndex), entry.name, "name")
            }
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
