import FixedIncome
import Hummingbird
import InnobondInsights
import InnobondModel

extension APIRoutes {
    /// The most named parties a measures answer lists.
    static let targetLimit = 500
    /// The most names a screening GET takes (a POST takes a file).
    static let screenedNamesLimit = 100

    static let asOfParameter = APIRoute.Parameter(name: "as_of", kind: .date, description: "The day (default: today)")
    static let screenParameters: [APIRoute.Parameter] = [
        asOfParameter,
        .init(
            name: "threshold", kind: .number,
            description: "The least score a candidate has (default \(PartyName.defaultThreshold); docs/shield.md)",
            range: 0.01...1),
    ]

    static let shield: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/shield",
            summary:
                "The registry's issuers foreign measures reach on a day, by name or through their owners, with "
                + "their sci-tech bonds outstanding (docs/shield.md)",
            tag: "shield", parameters: [asOfParameter],
            errors: [400: "A bad date", 409: "The registry's holdings go round in a circle"], schema: "ShieldAnswer"
        ) { request, _, state in
            let day = try Query(request).date("as_of") ?? state.today
            return try await Rendering.cached(
                request, state, day: state.today, reads: RegistryState.Reads.shield.union([.bonds]), heavy: true
            ) { current in
                let register = try register(current)
                return try Rendering.entry(
                    json: APIModels.ShieldAnswer(
                        ShieldOverview(register: register, snapshot: current.snapshot, on: day), register: register))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/measures",
            summary:
                "Every measure with where it stands on a day; with q or measure, the parties named that match "
                + "(a name's key inside theirs, or a credit code)",
            tag: "shield",
            parameters: [
                asOfParameter,
                .init(name: "q", kind: .string, description: "A name, part of one, or a unified social credit code"),
                .init(name: "measure", kind: .string, description: "Only this measure's named parties"),
            ], errors: [400: "A bad parameter", 409: "The registry's holdings go round in a circle"],
            schema: "MeasureList"
        ) { request, _, state in
            let query = Query(request)
            let day = try query.date("as_of") ?? state.today
            let search = try query.search()
            let measureID = query.text("measure")
            return try await Rendering.cached(request, state, day: state.today, reads: RegistryState.Reads.shield) {
                current in
                let register = try register(current)
                if let measureID, register.measure(id: measureID) == nil {
                    throw APIError.notFound("measure \(measureID)", field: "measure")
                }
                return try Rendering.entry(
                    json: APIModels.MeasureList(
                        register: register, on: day, search: search, measureID: measureID, limit: targetLimit))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/cases",
            summary:
                "Compliance cases under the blocking rules with their 30-day clocks on a day, overdue first "
                + "(a state changes through POST /api/v1/changes/compliance_cases)",
            tag: "shield",
            parameters: [
                asOfParameter,
                .init(
                    name: "state", kind: .string, description: "Only cases in this state",
                    values: ComplianceCase.State.allCases.map(\.rawValue)),
                .init(name: "overdue", kind: .boolean, description: "Only cases with a clock overdue"),
            ], errors: [400: "A bad parameter"], schema: "CaseList"
        ) { request, _, state in
            let options = try ShieldPageRoutes.casesOptions(Query(request), today: state.today)
            return try await Rendering.cached(request, state, day: state.today, reads: [.complianceCases, .issuers]) {
                current in
                let calendar = WorkingDayCalendar(market: .national, data: state.calendarData)
                return try Rendering.entry(
                    json: APIModels.CaseList(
                        CasesPage.cases(
                            current, day: options.day, state: options.state, overdueOnly: options.overdue,
                            calendar: calendar), issuers: current.snapshot.issuersByCode, on: options.day))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/shield/exposure",
            summary:
                "The measures that reach any party of the register on a day, an issuer or a party of the holdings "
                + "(Nexperia B.V.), named by credit code or name: directly, or through owners under an ownership rule",
            tag: "shield",
            parameters: [
                .init(
                    name: "party", kind: .string, description: "A unified social credit code or a name", required: true),
                asOfParameter,
            ],
            errors: [
                400: "A bad date", 404: "No party of the register has that code or name",
                409: "The registry's holdings go round in a circle",
            ],
            schema: "PartyExposure"
        ) { request, _, state in
            let query = Query(request)
            guard let text = query.text("party") else {
                throw APIError.badParameter("party", "give a unified social credit code or a name")
            }
            guard text.count <= Query.searchLimit else {
                throw APIError.badParameter("party", "a name is at most \(Query.searchLimit) characters")
            }
            let day = try query.date("as_of") ?? state.today
            return try await Rendering.cached(request, state, day: state.today, reads: RegistryState.Reads.shield) {
                current in
                let register = try register(current)
                guard let party = register.party(named: text) else {
                    throw APIError.notFound("party '\(text)' in the register", field: "party")
                }
                return try Rendering.entry(
                    json: APIModels.PartyExposure(
                        party: party.key, names: party.names, asOf: day,
                        items: register.exposure(of: party, on: day).map {
                            APIModels.ExposureList.Item($0, on: day, register: register)
                        },
                        namedHoldings: register.namedHoldings(of: party, on: day).map { held in
                            APIModels.PartyExposure.Holding(
                                party: held.party.key, names: held.party.names, heldPercent: held.percent,
                                items: held.exposures.map {
                                    APIModels.ExposureList.Item($0, on: day, register: register)
                                })
                        }))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/shield/review",
            summary:
                "The review queue: named parties that may be registry issuers, undecided, best score first; and the "
                + "decisions made (decide with POST /api/v1/import/match_reviews, an analyst's token)",
            tag: "shield", parameters: [asOfParameter],
            errors: [400: "A bad date", 409: "The registry's holdings go round in a circle"], schema: "ReviewAnswer"
        ) { request, _, state in
            let day = try Query(request).date("as_of") ?? state.today
            return try await Rendering.cached(request, state, day: state.today, reads: RegistryState.Reads.shield) {
                current in
                let queue = ReviewQueue(
                    snapshot: current.snapshot, register: try register(current), screen: current.screen, on: day)
                return try Rendering.entry(json: APIModels.ReviewAnswer(queue, on: day))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/screen",
            summary:
                "Screen a few names against the parties the measures name: each name's candidates on a day, "
                + "best first (innobond screen; POST a file for a longer list)",
            tag: "shield",
            parameters: screenParameters + [
                .init(
                    name: "name", kind: .string, description: "A name to screen (repeat, at most 100)",
                    required: true, list: true)
            ], errors: [400: "A bad parameter"], schema: "ScreenAnswer"
        ) { request, _, state in
            let query = Query(request)
            let names = QueryParameters(request).getAll("name").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !names.isEmpty else { throw APIError.badParameter("name", "give at least one name") }
            guard names.count <= screenedNamesLimit else {
                throw APIError.badParameter(
                    "name", "at most \(screenedNamesLimit) names, not \(names.count): POST a file for more")
            }
            let list = NameList(names: names.map { NameList.Name(name: $0, uscc: nil) })
            return try screenAnswer(list, query: query, current: state.now)
        },
        APIRoute(
            method: .post, path: "/api/v1/screen",
            summary:
                "Screen a list of names: one a line, or a CSV with a name column and optionally uscc "
                + "(innobond screen); needs a token of any role",
            tag: "shield", parameters: screenParameters, bodyTypes: ["text/csv", "text/plain"],
            errors: [
                400: "A bad parameter, or a code in the list that is not one (the line named)",
                401: "No valid token", 413: "The body is larger than the server accepts",
            ], schema: "ScreenAnswer"
        ) { request, context, state in
            let query = Query(request)
            var request = request
            let body = try await request.collectBody(
                upTo: context.maxUploadSize,
                tooLarge: "the list is larger than \(context.maxUploadSize / 1_048_576) MB: screen it with the CLI")
            let list: NameList
            do {
                list = try NameList(Array(buffer: body))
            } catch let error as NameList.BadCode {
                throw APIError(
                    .badRequest, "the body is not a usable list of names", field: "body",
                    details: [.init(line: error.line, column: "uscc", message: error.description)])
            }
            return try screenAnswer(list, query: query, current: state.now)
        },
    ]

    /// The legal shield of a registry version: a 409 when its holdings cannot make a graph.
    static func register(_ current: RegistryState.Current) throws(APIError) -> ShieldRegister {
        guard let register = current.shield else {
            throw APIError(.conflict, "the registry's holdings cannot be read: \(current.shieldProblem ?? "")")
        }
        return register
    }

    static func screenAnswer(_ list: NameList, query: Query, current: RegistryState.Current) throws -> Response {
        let day = try query.date("as_of") ?? current.today
        let threshold = try query.number("threshold", in: 0.01...1) ?? PartyName.defaultThreshold
        return Rendering.response(
            try Rendering.entry(
                json: APIModels.ScreenAnswer(
                    asOf: day, threshold: threshold,
                    items: list.screened(by: current.screen, on: day, threshold: threshold))))
    }
}

extension APIModels {
    /// The review queue and the decisions made.
    struct ReviewAnswer: Encodable, Sendable {
        struct Pending: Encodable, Sendable {
            var uscc: String
            var issuerName: String
            var matchedIssuerName: String
            var measureId: String
            var citation: String
            var targetId: String
            var targetName: String
            var matchedName: String
            var score: Double
            var countsNow: Bool
        }

        struct Decided: Encodable, Sendable {
            var uscc: String
            var measureId: String
            var targetId: String
            var decision: String
            var score: Double?
            var decidedOn: CivilDate
            var note: String?
            var revision: Int?
        }

        var asOf: CivilDate
        var threshold: Double
        var pending: [Pending]
        var decided: [Decided]

        init(_ queue: ReviewQueue, on day: CivilDate) {
            asOf = day
            threshold = ReviewQueue.reviewThreshold
            pending = queue.pending.map {
                Pending(
                    uscc: $0.issuer.uscc.value, issuerName: $0.issuer.name, matchedIssuerName: $0.issuerName,
                    measureId: $0.candidate.measure.id, citation: $0.candidate.measure.citation,
                    targetId: $0.candidate.target.targetID, targetName: $0.candidate.target.name,
                    matchedName: $0.candidate.matchedName, score: $0.candidate.score, countsNow: $0.countsNow)
            }
            decided = queue.decided.map {
                Decided(
                    uscc: $0.uscc.value, measureId: $0.measureID, targetId: $0.targetID, decision: $0.decision.rawValue,
                    score: $0.score, decidedOn: $0.decidedOn, note: $0.note, revision: $0.revision)
            }
        }
    }

    /// Names screened against the parties the measures name.
    struct ScreenAnswer: Encodable, Sendable {
        var asOf: CivilDate
        var threshold: Double
        var items: [ScreenedName]
    }
}
