import FixedIncome
import InnobondInsights
import InnobondModel

/// `/shield/review`: the parties measures name that may be registry
/// issuers, for an analyst to confirm or reject (``ReviewQueue``), and the
/// decisions made. A decision is a `match_reviews` record, written through
/// the audited import and remembered: a rejected name no longer counts, a
/// confirmed one counts whatever its score.
struct ReviewPage: Sendable {
    static let path = "/shield/review"
    /// The most candidates a page lists.
    static let limit = 200

    struct Pending: Sendable {
        var issuer: String
        var issuerHref: String
        var issuerName: String
        var uscc: String
        var target: String
        var aliases: String
        var measureID: String
        var citation: String
        var targetID: String
        var score: String
        var countsNow: Bool
    }

    struct Decided: Sendable {
        var issuer: String
        var issuerHref: String
        var uscc: String
        var target: String
        var measureID: String
        var targetID: String
        var decision: String
        var confirmed: Bool
        var other: String
        var decidedOn: String
        var note: String
        var revision: String
    }

    var layout: Layout
    var day: String
    var pending: [Pending]
    var hasPending: Bool
    var summary: String
    var decided: [Decided]
    var hasDecided: Bool
    /// Whether the visitor may decide (an analyst or admin), and the form's CSRF token for a browser session.
    var mayDecide: Bool
    var csrf: String
    var message: String?
    var apiHref: String

    init(
        current: RegistryState.Current, day: CivilDate, role: APIRole?, csrf: String?, message: String? = nil
    ) {
        layout = Layout("Review queue", section: .shield, current: current)
        layout.wide = true
        self.day = day.iso8601
        mayDecide = role.map { $0.mayWrite(.matchReviews) } ?? false
        self.csrf = csrf ?? ""
        self.message = message
        apiHref = "/api/v1/shield/review?as_of=\(day)"
        guard let register = current.shield else {
            (pending, hasPending, decided, hasDecided) = ([], false, [], false)
            summary = "The register's holdings cannot be read: \(current.shieldProblem ?? "")"
            return
        }
        let queue = ReviewQueue(snapshot: current.snapshot, register: register, screen: current.screen, on: day)
        pending = queue.pending.prefix(Self.limit).map { item in
            let target = item.candidate.target
            return Pending(
                issuer: item.issuer.name, issuerHref: "/issuers/" + item.issuer.uscc.value,
                issuerName: item.issuerName, uscc: item.issuer.uscc.value, target: target.name,
                aliases: target.aliases.joined(separator: "; "), measureID: target.measureID,
                citation: item.candidate.measure.citation, targetID: target.targetID,
                score: NumberText.fixed(item.candidate.score, 3), countsNow: item.countsNow)
        }
        hasPending = !pending.isEmpty
        let counting = queue.pending.filter(\.countsNow).count
        summary =
            "\(NumberText.count(queue.pending.count, "candidate")) to review on \(day) (scores from "
            + "\(NumberText.fixed(ReviewQueue.reviewThreshold, 2)); docs/shield.md): \(counting) "
            + (counting == 1 ? "has an issuer's name key and counts" : "have an issuer's name key and count")
            + " as named until rejected; the others count only once confirmed."
            + (queue.pending.count > Self.limit ? " The first \(Self.limit) are listed." : "")
        let issuers = current.snapshot.issuersByCode
        let targets = Dictionary(
            register.targets.map { ($0.measureID + "\u{1F}" + $0.targetID, $0) },
            uniquingKeysWith: { first, _ in first })
        decided = queue.decided.map { review in
            Decided(
                issuer: issuers[review.uscc]?.name ?? review.uscc.value, issuerHref: "/issuers/" + review.uscc.value,
                uscc: review.uscc.value,
                target: targets[review.measureID + "\u{1F}" + review.targetID]?.name ?? review.targetID,
                measureID: review.measureID, targetID: review.targetID, decision: review.decision.rawValue,
                confirmed: review.decision == .confirmed,
                other: review.decision == .confirmed ? MatchReview.Decision.rejected.rawValue : "confirmed",
                decidedOn: review.decidedOn.iso8601, note: review.note ?? "",
                revision: review.revision.map(String.init) ?? "")
        }
        hasDecided = !decided.isEmpty
    }
}
