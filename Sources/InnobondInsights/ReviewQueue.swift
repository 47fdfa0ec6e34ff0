import FixedIncome
import InnobondModel

/// The parties measures name that may be registry issuers and that no
/// analyst has decided yet: each issuer's names screened against the named
/// parties from ``reviewThreshold``, a match by credit code aside (it needs
/// no review). A candidate whose name has the issuer's key counts as named
/// until an analyst rejects it; a lower score counts only once confirmed.
public struct ReviewQueue: Sendable {
    /// The least score a candidate has to be reviewed: pairs told apart by a
    /// place, a group or a legal form score up to ``PartyName/distinguishedCap``.
    public static let reviewThreshold = 0.7

    public struct Item: Sendable {
        public var issuer: Issuer
        public var candidate: NameScreen.Candidate
        /// Which of the issuer's names scored.
        public var issuerName: String
        /// Whether it counts as named while undecided (the same name key).
        public var countsNow: Bool
    }

    /// Undecided candidates, best score first, then by issuer code.
    public var pending: [Item]
    /// The decisions made, newest first.
    public var decided: [MatchReview]

    public init(
        snapshot: RegistrySnapshot, register: ShieldRegister, screen: NameScreen, on day: CivilDate,
        threshold: Double = reviewThreshold
    ) {
        var pending: [Item] = []
        for issuer in snapshot.issuers {
            var best: [String: Item] = [:]
            for name in [issuer.name] + (issuer.nameEnglish.map { [$0] } ?? []) {
                for candidate in screen.candidates(for: name, on: day, threshold: threshold) {
                    let target = candidate.target
                    guard target.uscc != issuer.uscc else { continue }
                    let key = ShieldRegister.reviewKey(
                        party: issuer.uscc.value, measureID: target.measureID, targetID: target.targetID)
                    guard register.reviews[key] == nil, (best[key]?.candidate.score ?? -1) < candidate.score else {
                        continue
                    }
                    best[key] = Item(
                        issuer: issuer, candidate: candidate, issuerName: name, countsNow: candidate.score >= 1)
                }
            }
            pending += best.values
        }
        self.pending = pending.sorted {
            ($0.candidate.score, $1.issuer.uscc, $1.candidate.target.targetID)
                > ($1.candidate.score, $0.issuer.uscc, $0.candidate.target.targetID)
        }
        decided = register.reviews.values.sorted {
            ($0.decidedOn, $0.uscc, $0.targetID) > ($1.decidedOn, $1.uscc, $1.targetID)
        }
    }
}
