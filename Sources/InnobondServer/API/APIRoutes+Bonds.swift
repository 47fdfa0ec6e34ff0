import FixedIncome
import Foundation
import Hummingbird
import InnobondInsights
import InnobondModel

extension APIRoutes {
    /// The clean price a bond is valued at: exactly one of it and ``yieldPercent``.
    static let cleanPrice = APIRoute.Parameter(
        name: "clean_price", kind: .number, description: "Clean price per 100 face (give this or yield, not both)",
        range: 0.000001...100_000)
    /// The yield a bond is valued at, in percent.
    static let yieldPercent = APIRoute.Parameter(
        name: "yield", kind: .number, description: "Yield in percent (give this or clean_price, not both)",
        range: -100...1000)

    static let bonds: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/bonds", summary: "Bonds, filtered and sorted, a page at a time",
            tag: "bonds",
            parameters: bondFilters + BondScreen.parameters + [
                .init(
                    name: "sort", kind: .string, description: "Order (default issue_date)",
                    values: BondQuery.Sort.allCases.map(\.rawValue)),
                .init(
                    name: "order", kind: .string,
                    description: "Direction (default asc for code, name, issuer and rating, desc for the rest)",
                    values: ["asc", "desc"]),
                .init(
                    name: "limit", kind: .integer, description: "Bonds a page (default 50)",
                    range: Double(BondQuery.pageSizes.lowerBound)...Double(BondQuery.pageSizes.upperBound)),
                .init(name: "cursor", kind: .string, description: "The next_cursor of the previous page"),
            ], errors: [400: "A parameter is not valid"], schema: "BondPage"
        ) { request, _, state in
            let query = try BondQuery(QueryParameters(request), paging: .cursor)
            let today = state.today
            return try await Rendering.cached(request, state, day: today, reads: RegistryState.Reads.bondIndex) {
                current in
                let screener = BondScreener(state, current: current, today: today)
                let listing = screener.run(query)
                let (page, start) = try query.page(of: listing)
                let issuers = current.snapshot.issuersByCode
                let last = page.last.flatMap { start + page.count == listing.total ? nil : $0 }
                return try Rendering.entry(
                    json: APIModels.BondList(
                        items: page.map {
                            APIModels.listItem($0, issuer: issuers[$0.uscc], market: screener.market($0))
                        }, nextCursor: last.map(query.cursor(after:)), total: listing.total, asOf: today,
                        facets: listing.facets))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/bonds/:code",
            summary: "A bond with its issuer, committed use of proceeds and latest quote", tag: "bonds",
            errors: [404: "No such bond"], schema: "BondDetail"
        ) { request, context, state in
            let current = state.now
            let bond = try bond(context, current)
            let today = state.today
            return try await Rendering.cached(
                request, state, current: current, day: today, reads: [.bonds, .issuers, .useOfProceeds, .quotes]
            ) { current in
                let quotes = try await Timed.store("quotes") {
                    try await state.store.quotes(bond: bond.code, from: nil, through: nil)
                }
                return try Rendering.entry(
                    json: APIModels.BondDetail(
                        bond: APIModels.BondItem(bond, issuer: current.snapshot.issuersByCode[bond.uscc]),
                        status: BondLife(bond, on: today), statusOn: today,
                        issuer: current.snapshot.issuersByCode[bond.uscc].map(APIModels.IssuerItem.init),
                        useOfProceeds: current.snapshot.proceeds.filter { $0.bondCode == bond.code }.map {
                            APIModels.UseItem(
                                project: $0.project, category: $0.category.rawValue, sciTech: $0.category.isSciTech,
                                plannedFen: $0.planned.fen)
                        }, latestQuote: quotes.last.map(APIModels.QuoteItem.init)))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/bonds/:code/quotes", summary: "A bond's quotes between two dates",
            tag: "bonds",
            parameters: [
                .init(name: "from", kind: .date, description: "First date"),
                .init(name: "to", kind: .date, description: "Last date"),
            ], errors: [400: "A parameter is not valid", 404: "No such bond"], schema: "QuoteList"
        ) { request, context, state in
            let current = state.now
            let bond = try bond(context, current)
            let query = Query(request)
            let from = try query.date("from")
            let to = try query.date("to")
            if let from, let to, from > to { throw APIError.badParameter("to", "\(to) is before from \(from)") }
            return try await Rendering.cached(request, state, current: current, reads: [.bonds, .quotes]) { _ in
                let quotes = try await Timed.store("quotes") {
                    try await state.store.quotes(bond: bond.code, from: from, through: to)
                }
                return try Rendering.entry(json: APIModels.Items(items: quotes.map(APIModels.QuoteItem.init)))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/bonds/:code/cashflows", summary: "A bond's cash flows per 100 face",
            tag: "bonds", errors: [404: "No such bond"], schema: "CashFlowList"
        ) { request, context, state in
            let current = state.now
            let bond = try bond(context, current)
            return try await Rendering.cached(request, state, current: current, reads: [.bonds]) { _ in
                try Rendering.entry(json: APIModels.Items(items: BondValuation.flows(of: bond)))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/bonds/:code/analytics",
            summary:
                "Price, yield, risk and spreads of a bond at a settlement date, from a clean price or a yield: "
                + "exactly one of the two",
            tag: "bonds",
            parameters: [
                .init(
                    name: "settlement", kind: .date,
                    description: "Settlement date (default: the registry's latest date)"),
                cleanPrice, yieldPercent,
            ], errors: [400: "A parameter is not valid, or the bond cannot be priced there", 404: "No such bond"],
            schema: "Analytics"
        ) { request, context, state in
            let current = state.now
            let bond = try bond(context, current)
            let query = Query(request)
            let asked = try query.date("settlement")
            let price = try query.number(cleanPrice)
            let yield = try query.number(yieldPercent)
            let quote: BondQuote
            switch (price, yield) {
            case (let price?, nil): quote = .cleanPrice(price)
            case (nil, let yield?): quote = .yield(yield / 100)
            case (nil, nil): throw APIError.badParameter("clean_price", "give clean_price or yield")
            default: throw APIError.badParameter("yield", "give clean_price or yield, not both")
            }
            return try await Rendering.cached(
                request, state, current: current, reads: RegistryState.Reads.latestDate
            ) { current in
                let settlement = asked ?? current.latestDate
                do {
                    let valuation = try BondValuation(
                        bond: bond, settlement: settlement, quote: quote, curves: current.curves)
                    return try Rendering.entry(
                        json: APIModels.Analytics(code: bond.code.value, valuation, givenYield: yield))
                } catch let error as FixedIncomeError {
                    throw APIError(
                        .badRequest, "cannot price \(bond.code) there: \(error)", field: field(of: error, quote: quote))
                }
            }
        },
    ]

    /// The parameter a pricing error is about.
    static func field(of error: FixedIncomeError, quote: BondQuote) -> String {
        let quoted: String
        if case .yield = quote { quoted = "yield" } else { quoted = "clean_price" }
        switch error {
        case .yieldOutOfDomain, .nonFiniteResult, .invalidPrice, .noYieldForPrice, .yieldDidNotConverge,
            .yieldNotRepresentable:
            return quoted
        default: return "settlement"
        }
    }

    /// The bond of the `code` path parameter.
    static func bond(_ context: ServerRequestContext, _ current: RegistryState.Current) throws(APIError) -> Bond {
        let text = context.parameters.decoded("code") ?? ""
        guard let code = BondCode(text) else {
            throw .badParameter(
                "code", "'\(text)' is not a bond code (1 to 20 letters or digits, then .IB, .SH or .SZ)")
        }
        guard let bond = current.snapshot.bond(code) else { throw .notFound("bond \(text)", field: "code") }
        return bond
    }
}
