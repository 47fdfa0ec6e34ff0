import FixedIncome
import Hummingbird
import InnobondInsights
import InnobondModel
import InnobondStore

extension APIRoutes {
    static let integrityAsOf = APIRoute.Parameter(
        name: "as_of", kind: .date,
        description:
            "Score as computed at the end of this day, Beijing time, from the rows recorded by then (default: today)")
    static let integrityKnown = APIRoute.Parameter(
        name: "known", kind: .string,
        description: "then: the rows recorded by as_of (default); now: every row recorded until now, about as_of",
        values: ["then", "now"])

    static let integrity: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/integrity",
            summary: "Sci-tech bonds and issuers ranked by their use-of-proceeds integrity score (docs/integrity.md)",
            tag: "insights",
            parameters: bondFilters.filter { $0.name != "sci_tech" } + [
                integrityAsOf, integrityKnown,
                .init(
                    name: "limit", kind: .integer, description: "Bonds and issuers listed, worst first (default 100)",
                    range: 1...100_000),
            ], errors: [400: "A parameter is not valid"], schema: "IntegrityRanking"
        ) { request, _, state in
            let query = try BondQuery(QueryParameters(request), paging: .pages)
            let (day, known) = try integrityOptions(Query(request), today: state.today)
            let limit = try Query(request).number("limit", in: 1...100_000).map(Int.init) ?? 100
            return try await Rendering.cached(request, state, day: day, heavy: true) { current in
                let snapshot = try await integritySnapshot(state, current, day: day, known: known)
                let (bonds, issuers) = IntegrityScoring.score(snapshot, filter: query.filter, asOf: day)
                return try Rendering.entry(
                    json: APIModels.IntegrityRanking(
                        asOf: day, known: known, bonds: bonds.count, issuers: issuers.count,
                        bondScores: Array(bonds.prefix(limit)), issuerScores: Array(issuers.prefix(limit))))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/bonds/:code/ledger",
            summary:
                "A bond's use-of-proceeds ledger: committed, allocated and unallocated by category over time, "
                + "balances, changes of use, evidence, impact figures and its integrity findings (money in fen)",
            tag: "bonds", parameters: [integrityAsOf, integrityKnown],
            errors: [400: "A parameter is not valid", 404: "No such bond"], schema: "LedgerView"
        ) { request, context, state in
            let current = state.now
            let bond = try bond(context, current)
            let (day, known) = try integrityOptions(Query(request), today: state.today)
            return try await Rendering.cached(request, state, current: current, day: day) { current in
                let snapshot = try await integritySnapshot(state, current, day: day, known: known)
                return try Rendering.entry(json: LedgerView(snapshot, bond: bond, asOf: day))
            }
        },
    ]

    /// `as_of` (today when absent) and `known` of an integrity request.
    static func integrityOptions(_ query: Query, today: CivilDate) throws(APIError) -> (day: CivilDate, known: String) {
        let day = try query.date("as_of") ?? today
        let known = query.text("known") ?? "then"
        guard ["then", "now"].contains(known) else {
            throw .badParameter("known", "'\(known)' is not then or now")
        }
        return (day, known)
    }

    /// The registry as known at the end of `day` (or now, when `known` is
    /// `now` or the day is today or later): the current snapshot when it is
    /// the same, else read from the store.
    static func integritySnapshot(
        _ state: RegistryState, _ current: RegistryState.Current, day: CivilDate, known: String
    ) async throws -> RegistrySnapshot {
        guard known == "then", day < current.today else { return current.snapshot }
        return try await Timed.store("snapshot as of") {
            try await state.store.loadSnapshot(at: KnownMoment(endOf: day))
        }
    }
}
