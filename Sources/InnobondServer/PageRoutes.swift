import FixedIncome
import Foundation
import HTTPTypes
import Hummingbird
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondPages
import InnobondStore

/// The HTML dashboard.
enum PageRoutes {
    /// The paths of the pages and of the operations' reads, in the router's
    /// form: all answer GET and HEAD (and `/sign-in` POST).
    static let paths =
        [
            "/", "/bonds", "/bonds.csv", "/bonds/:code", "/bonds/:code/ledger.csv", "/bonds/:code/quotes.csv",
            "/issuers",
            "/issuers.csv", "/issuers/:uscc", "/monitor", "/monitor.csv", "/curves", "/integrity", "/reports",
            "/reports/:file", "/reports/flags/:id", "/audit", "/sign-in", "/health", "/health/live", "/health/ready",
            "/metrics",
            "/api/openapi.json", "/api", "/api/v1", APIReferencePage.path,
        ] + ShieldPageRoutes.paths

    static func register(
        on router: Router<ServerRequestContext>, state: RegistryState, pages: Pages, isPrivate: Bool
    ) {
        /// The sign-in page's layout: nothing of the registry for those a
        /// private server has not let in.
        @Sendable func signInLayout(_ context: ServerRequestContext) -> Layout {
            var layout = Layout("Sign in", section: nil, current: state.now)
            if isPrivate && context.role == nil { layout.hideRegistry() }
            return layout
        }
        /// What the overview, the briefing and its downloads take.
        let briefingParameters = ["from", "to", "as_of"]
        router.get("/") { request, _ in
            let options = try APIRoutes.briefingOptions(Query(request).taking(briefingParameters, on: "this page"))
            return try await Rendering.cached(request, state, day: state.today, heavy: true) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(OverviewPage(current: current, period: options.period), template: "overview")
                )
            }
        }
        router.get(RouterPath(APIReferencePage.path)) { request, _ in
            try await Rendering.cached(request, state) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        APIReferencePage(current: current, document: OpenAPIDocument.document(APIRoutes.all)),
                        template: "api-reference"))
            }
        }
        // Where people look for an API's description first.
        for path in ["/api", "/api/v1"] {
            router.get(RouterPath(path)) { _, _ in
                Response(status: .found, headers: [.location: APIReferencePage.path])
            }
        }
        router.get("/bonds") { request, _ in
            let parameters = QueryParameters(request)
            try parameters.checkNames(BondQuery.parameters + ["page", "per_page"], of: "this page")
            let query = try BondQuery(parameters, paging: .pages)
            let today = state.today
            return try await Rendering.cached(request, state, day: today) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        BondListPage(
                            current: current, query: query,
                            screener: BondScreener(state, current: current, today: today)),
                        template: "bonds"))
            }
        }
        router.get("/bonds.csv") { request, _ in
            let parameters = QueryParameters(request)
            try parameters.checkNames(BondQuery.parameters + ["page", "per_page", "form"], of: "this download")
            var query = try BondQuery(parameters, paging: .pages)
            let form = try RecordDownload.form(parameters)
            // The registry's file in its key order, as `innobond export` writes
            // it, so that export, import and export again give the same bytes.
            if form == .registry { (query.sort, query.descending) = (.code, false) }
            let current = state.now
            let screener = BondScreener(state, current: current, today: state.today)
            let issuers = current.snapshot.issuersByCode
            return RecordDownload.response(
                screener.run(query).all, form: form, file: "bonds", shownHeader: BondListPage.shownHeader
            ) { BondListPage.shownLine($0, issuer: issuers[$0.uscc], market: screener.market($0)) }
        }
        router.get("/bonds/:code") { request, context in
            let pricing = try PricingRequest(
                Query(request).taking(["settlement", "clean_price", "yield"], on: "this page"))
            let current = state.now
            let bond = try APIRoutes.bond(context, current)
            let today = state.today
            return try await Rendering.cached(request, state, current: current, day: today) { current in
                let quotes = try await Timed.store("quotes") {
                    try await state.store.quotes(bond: bond.code, from: nil, through: nil)
                }
                let ledger = bond.sciTech ? LedgerView(current.snapshot, bond: bond, asOf: today) : nil
                return try Rendering.entry(
                    html: pages.renderUTF8(
                        BondPage(
                            current: current, bond: bond, quotes: quotes, ledger: ledger, today: today,
                            staleAfter: state.staleQuoteDays, calendarData: state.calendarData, pricing: pricing),
                        template: "bond"))
            }
        }
        router.get("/bonds/:code/ledger.csv") { request, context in
            let current = state.now
            let bond = try APIRoutes.bond(context, current)
            let (day, known) = try APIRoutes.integrityOptions(
                Query(request).taking(["as_of", "known"], on: "this download"), today: state.today)
            let response = try await Rendering.cached(request, state, current: current, day: day) { current in
                let snapshot = try await APIRoutes.integritySnapshot(state, current, day: day, known: known)
                return Rendering.entry(
                    text: LedgerView(snapshot, bond: bond, asOf: day).csv, contentType: "text/csv; charset=utf-8")
            }
            var headers = response.headers
            headers[.contentDisposition] = "attachment; filename=\"\(bond.code.value)-ledger.csv\""
            return Response(status: response.status, headers: headers, body: response.body)
        }
        router.get("/integrity") { request, _ in
            let parameters = QueryParameters(request)
            try parameters.checkNames(BondQuery.parameters + ["as_of", "known"], of: "this page")
            let query = try BondQuery(parameters, paging: .pages)
            let options = Query(request)
            let (day, known) = try APIRoutes.integrityOptions(options, today: state.today)
            let asOfGiven = options.text("as_of") != nil
            return try await Rendering.cached(request, state, day: day, heavy: true) { current in
                let snapshot = try await APIRoutes.integritySnapshot(state, current, day: day, known: known)
                var filter = query.filter
                filter.issued = DateRange(from: filter.issued.from, to: min(filter.issued.to ?? day, day))
                return try Rendering.entry(
                    html: pages.renderUTF8(
                        IntegrityPage(
                            current: current, snapshot: snapshot, filter: filter, day: day, asOfGiven: asOfGiven,
                            knownNow: known == "now", issuedFrom: query.filter.issued.from,
                            issuedTo: query.filter.issued.to), template: "integrity"))
            }
        }
        router.get("/issuers.csv") { request, _ in
            let parameters = QueryParameters(request)
            try parameters.checkNames(["q", "sector", "form"], of: "this download")
            let query = Query(request)
            let sector = try Self.sector(query)
            let text = try query.search()
            let form = try RecordDownload.form(parameters)
            let snapshot = state.now.snapshot
            let counts = IssuerListPage.bondCounts(snapshot)
            return RecordDownload.response(
                // The registry's file in its key order, as `innobond export` writes it.
                IssuerListPage.matching(snapshot, text: text, sector: sector, counts: counts).sorted {
                    form == .registry && $0.uscc < $1.uscc
                }, form: form,
                file: "issuers", shownHeader: IssuerListPage.shownHeader
            ) { IssuerListPage.shownLine($0, counts: counts[$0.uscc]) }
        }
        router.get("/issuers") { request, _ in
            let query = try Query(request).taking(["q", "sector"], on: "this page")
            let sector = try Self.sector(query)
            let text = try query.search()
            return try await Rendering.cached(request, state) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        IssuerListPage(current: current, text: text, sector: sector), template: "issuers"))
            }
        }
        router.get("/issuers/:uscc") { request, context in
            _ = try Query(request).taking([], on: "this page")
            let current = state.now
            let issuer = try APIRoutes.issuer(context, current)
            let today = state.today
            return try await Rendering.cached(request, state, current: current, day: today) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        IssuerPage(
                            current: current, issuer: issuer,
                            screener: BondScreener(state, current: current, today: today)),
                        template: "issuer"))
            }
        }
        router.get("/monitor") { request, _ in
            let query = try Query(request).taking(["as_of", "to"], on: "this page")
            let asOf = try query.date("as_of")
            let to = try query.date("to")
            return try await Rendering.cached(request, state, heavy: true) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(MonitorPage(current: current, asOf: asOf, through: to), template: "monitor"))
            }
        }
        router.get("/monitor.csv") { request, _ in
            let parameters = QueryParameters(request)
            try parameters.checkNames(["as_of", "to", "form"], of: "this download")
            let query = Query(parameters)
            let asOf = try query.date("as_of")
            let to = try query.date("to")
            let form = try RecordDownload.form(parameters)
            let current = state.now
            let end = current.conditionsEnd(to: to, asOf: asOf)
            // The file: every vintage published by `as_of`, so that an import
            // answers the same "as known on" questions; as shown: the figures
            // known then.
            let known =
                asOf.map { day in current.snapshot.macro.filter { $0.published <= day } } ?? current.snapshot.macro
            let shown = form == .shown ? MacroMonitor(known).observations : [:]
            let rows = (form == .registry ? known : shown.keys.sorted().flatMap { shown[$0]! }).filter {
                $0.period.lastDay <= end
            }
            return RecordDownload.response(
                rows, form: form, file: "monitor", shownHeader: MonitorPage.shownHeader, shown: MonitorPage.shownLine)
        }
        router.get("/bonds/:code/quotes.csv") { request, context in
            let parameters = QueryParameters(request)
            try parameters.checkNames(["from", "to", "form"], of: "this download")
            let query = Query(parameters)
            let from = try query.date("from")
            let to = try query.date("to")
            if let from, let to, from > to { throw APIError.badParameter("to", "\(to) is before from \(from)") }
            let form = try RecordDownload.form(parameters)
            let bond = try APIRoutes.bond(context, state.now)
            let quotes = try await Timed.store("quotes") {
                try await state.store.quotes(bond: bond.code, from: from, through: to)
            }
            return RecordDownload.response(
                quotes, form: form, file: bond.code.value + "-quotes", shownHeader: "date,source,clean_price,yield"
            ) { quote in
                [
                    quote.date.iso8601, quote.source, quote.cleanPrice?.shortText ?? "",
                    quote.yieldPercent?.shortText ?? "",
                ]
                .map(CSVField.quote).joined(separator: ",")
            }
        }
        router.get("/curves") { request, _ in
            let query = try Query(request).taking(["curve", "date", "compare"], on: "this page")
            let curve = query.text("curve")
            let date = try query.date("date")
            let compare = try query.date("compare")
            return try await Rendering.cached(request, state) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        CurvesPage(current: current, curve: curve, date: date, compare: compare), template: "curves"))
            }
        }
        router.get("/reports") { request, _ in
            let options = try APIRoutes.briefingOptions(Query(request).taking(briefingParameters, on: "this page"))
            return try await Rendering.cached(request, state, heavy: true) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(ReportPage(current: current, options: options), template: "reports"))
            }
        }
        router.get("\(FlagPage.path)/:id") { request, context in
            let options = try APIRoutes.briefingOptions(Query(request).taking(briefingParameters, on: "this page"))
            let id = context.parameters.get("id") ?? ""
            return try await Rendering.cached(request, state, heavy: true) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(FlagPage(current: current, options: options, id: id), template: "flag"))
            }
        }
        for format in ["html", "md"] {
            router.get("/reports/briefing.\(format)") { request, _ in
                let options = try APIRoutes.briefingOptions(
                    Query(request).taking(briefingParameters, on: "this download"))
                let response = try await Rendering.cached(request, state, heavy: true) { current in
                    let view = BriefingView(try APIRoutes.briefing(current, options))
                    return Rendering.entry(
                        text: try pages.render(view, template: "report.\(format)"),
                        contentType: format == "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8")
                }
                var headers = response.headers
                headers[.contentDisposition] = "attachment; filename=\"innobond-briefing.\(format)\""
                return Response(status: response.status, headers: headers, body: response.body)
            }
        }
        SignInRoutes.register(on: router, state: state, pages: pages, layout: signInLayout)
        router.get("/audit") { request, context in
            // The log names every token's holder: admins only, and never cached.
            try APIRoutes.requireAdmin(context)
            let query = try Query(request).taking(["kind", "since", "token", "before"], on: "this page")
            var filter = try APIRoutes.auditFilter(query)
            filter.before = try query.integer(APIRoutes.auditBefore).map(Int64.init)
            filter.limit = AuditPage.pageSize + 1
            filter.newestFirst = true
            var entries = try await Timed.store("audit") { try await state.store.auditEntries(filter) }
            let hasMore = entries.count > AuditPage.pageSize
            entries = Array(entries.prefix(AuditPage.pageSize))
            let page = AuditPage(current: state.now, entries: entries, filter: filter, hasMore: hasMore)
            var response = Rendering.response(Rendering.entry(html: try pages.renderUTF8(page, template: "audit")))
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
    }

    /// The `sector` parameter: a 400 naming it when it is no sector.
    static func sector(_ query: Query) throws(APIError) -> Sector? {
        guard let text = query.text("sector") else { return nil }
        guard let sector = Sector(rawValue: text) else { throw .badParameter("sector", "'\(text)' is not a sector") }
        return sector
    }
}
