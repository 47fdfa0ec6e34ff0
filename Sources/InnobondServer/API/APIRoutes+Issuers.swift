import FixedIncome
import Hummingbird
import InnobondInsights
import InnobondModel

extension APIRoutes {
    /// Issuers a page.
    static let issuerLimit = APIRoute.Parameter(
        name: "limit", kind: .integer, description: "Issuers a page (default 100)", range: 1...500)

    static let issuers: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/issuers", summary: "Issuers, by code, a page at a time", tag: "issuers",
            parameters: [
                .init(
                    name: "q", kind: .string,
                    description: "Text in the name, English name or code, or the name's pinyin (changsha yinhang)"),
                .init(name: "sector", kind: .string, description: "Sector", values: Sector.allCases.map(\.rawValue)),
                issuerLimit,
                .init(name: "cursor", kind: .string, description: "The next_cursor of the previous page"),
            ], errors: [400: "A parameter is not valid"], schema: "IssuerPage"
        ) { request, _, state in
            let query = Query(request)
            let limit = try query.integer(issuerLimit) ?? 100
            var sector: Sector?
            if let text = query.text("sector") {
                guard let value = Sector(rawValue: text) else {
                    throw APIError.badParameter("sector", "'\(text)' is not a sector")
                }
                sector = value
            }
            var after: String?
            if let cursor = query.text("cursor") {
                guard let code = BondQuery.code(ofCursor: cursor) else {
                    throw APIError.badParameter("cursor", "not a cursor this API gave: '\(cursor)'")
                }
                after = code
            }
            let search = try query.search().map(TextSearch.init)
            return try await Rendering.cached(request, state, reads: [.issuers]) { current in
                let matching = current.snapshot.issuers.filter { issuer in
                    (sector == nil || issuer.sector == sector)
                        && (search?.findsIssuer(issuer) ?? true)
                }.sorted { $0.uscc < $1.uscc }
                var start = 0
                if let after {
                    // A cursor is a code as the list gives it.
                    guard let code = try? USCC(after), code.value == after,
                        let index = matching.firstIndex(where: { $0.uscc == code })
                    else {
                        throw APIError.badParameter("cursor", "the cursor's issuer is not in this list: start again")
                    }
                    start = index + 1
                }
                let page = matching[min(start, matching.count)..<min(matching.count, start + limit)]
                let next = start + limit < matching.count ? page.last : nil
                return try Rendering.entry(
                    json: APIModels.Page(
                        items: page.map(APIModels.IssuerItem.init),
                        nextCursor: next.map { BondQuery.cursor(code: $0.uscc.value) }, total: matching.count))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/issuers/:uscc", summary: "An issuer with its financials and bonds",
            tag: "issuers", errors: [400: "Not a unified social credit code", 404: "No such issuer"],
            schema: "IssuerDetail"
        ) { request, context, state in
            let current = state.now
            let issuer = try issuer(context, current)
            let uscc = issuer.uscc
            return try await Rendering.cached(
                request, state, current: current, reads: [.issuers, .issuerFinancials, .bonds]
            ) {
                current in
                let financials = current.snapshot.financials.filter { $0.uscc == uscc }.sorted { $0.year < $1.year }
                return try Rendering.entry(
                    json: APIModels.IssuerDetail(
                        issuer: APIModels.IssuerItem(issuer),
                        financials: financials.map {
                            APIModels.FinancialsItem(
                                year: $0.year, revenueFen: $0.revenue.fen, rdSpendFen: $0.researchSpend.fen,
                                rdIntensity: $0.researchIntensity.map { $0 * 100 },
                                inventionPatents: $0.inventionPatents)
                        },
                        bonds: current.snapshot.bonds.filter { $0.uscc == uscc }.map {
                            APIModels.BondItem($0, issuer: issuer)
                        }))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/issuers/:uscc/exposure",
            summary:
                "The measures that reach an issuer on a day: those that name it, and listings an ownership rule "
                + "in force extends to it through a listed owner (docs/shield.md)",
            tag: "issuers",
            parameters: [.init(name: "as_of", kind: .date, description: "The day (default: today)")],
            errors: [400: "Not a unified social credit code, or a bad date", 404: "No such issuer"],
            schema: "ExposureList"
        ) { request, context, state in
            let current = state.now
            let issuer = try issuer(context, current)
            let uscc = issuer.uscc
            let day = try Query(request).date("as_of") ?? state.today
            return try await Rendering.cached(
                request, state, current: current, day: state.today, reads: RegistryState.Reads.shield
            ) {
                current in
                guard let shield = current.shield else {
                    throw APIError(.conflict, "the registry's holdings cannot be read: \(current.shieldProblem ?? "")")
                }
                let party = shield.party(issuer)
                return try Rendering.entry(
                    json: APIModels.ExposureList(
                        uscc: uscc.value, asOf: day,
                        items: shield.exposure(of: party, on: day).map {
                            APIModels.ExposureList.Item($0, on: day, register: shield)
                        }))
            }
        },
    ]

    /// The issuer a path's `:uscc` names: a 400 for a code that is not one, a 404 for one not registered.
    static func issuer(_ context: ServerRequestContext, _ current: RegistryState.Current) throws(APIError) -> Issuer {
        let text = context.parameters.decoded("uscc") ?? ""
        guard let uscc = try? USCC(text) else {
            throw .badParameter("uscc", "'\(text)' is not a unified social credit code")
        }
        guard let issuer = current.snapshot.issuersByCode[uscc] else {
            throw .notFound("issuer \(text)", field: "uscc")
        }
        return issuer
    }
}
