import FixedIncome
import HTTPTypes
import Hummingbird
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondPages
import InnobondStore

/// The legal shield's pages and downloads: the register, the compliance
/// cases, and the issuers reached.
enum ShieldPageRoutes {
    static let paths = [
        ShieldPage.path, "/shield/reached.csv", CasesPage.path, CasesPage.path + ".csv", ReviewPage.path,
    ]

    /// What a cases list takes: the day, a state, overdue only.
    static func casesOptions(_ query: Query, today: CivilDate) throws(APIError) -> (
        day: CivilDate, state: ComplianceCase.State?, overdue: Bool
    ) {
        let state = try query.text("state").map { text throws(APIError) in
            guard let state = ComplianceCase.State(rawValue: text) else {
                throw .badParameter(
                    "state",
                    "'\(text)' is not one of \(ComplianceCase.State.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return state
        }
        return (try query.date("as_of") ?? today, state, try query.boolean("overdue") ?? false)
    }

    static func register(on router: Router<ServerRequestContext>, state: RegistryState, pages: Pages) {
        router.get(RouterPath(ShieldPage.path)) { request, _ in
            let query = try Query(request).taking(["as_of", "q", "measure", "party"], on: "this page")
            let day = try query.date("as_of") ?? state.today
            let search = try query.search()
            let measureID = query.text("measure")
            let party = query.text("party").map { String($0.prefix(Query.searchLimit)) }
            return try await Rendering.cached(request, state, day: state.today, heavy: true) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        ShieldPage(current: current, day: day, search: search, measureID: measureID, party: party),
                        template: "shield"))
            }
        }
        router.get("/shield/reached.csv") { request, _ in
            let query = try Query(request).taking(["as_of"], on: "this download")
            let day = try query.date("as_of") ?? state.today
            let current = state.now
            guard let register = current.shield else {
                throw APIError(.conflict, "the registry's holdings cannot be read: \(current.shieldProblem ?? "")")
            }
            let overview = ShieldOverview(register: register, snapshot: current.snapshot, on: day)
            var text = "as_of,uscc,issuer,named,measures,route,sci_tech_bonds_outstanding,amount_outstanding_cny\n"
            for item in overview.reached {
                text +=
                    [
                        day.iso8601, item.issuer.uscc.value, item.issuer.name, item.isNamed ? "true" : "false",
                        Set(item.exposures.map(\.measure.id)).sorted().joined(separator: "; "),
                        item.exposures.map { register.route($0) }.joined(separator: "; "),
                        String(item.bonds.count), Money(fen: item.amountFen).yuanText,
                    ]
                    .map(CSVField.quote).joined(separator: ",") + "\n"
            }
            return Rendering.response(
                Rendering.entry(text: text, contentType: "text/csv; charset=utf-8"),
                headers: [.contentDisposition: "attachment; filename=\"shield-reached-\(day).csv\""])
        }
        // The queue shows forms to those who may decide, with their session's
        // CSRF token: rendered for each visitor, never cached.
        @Sendable func review(
            _ context: ServerRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok
        )
            throws -> Response
        {
            let page = ReviewPage(
                current: state.now, day: state.today, role: context.token?.role,
                csrf: context.sessionSecret.map(BrowserSession.csrfToken), message: message)
            var response = Rendering.response(
                Rendering.entry(html: try pages.renderUTF8(page, template: "review"), status: status))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get(RouterPath(ReviewPage.path)) { request, context in
            _ = try Query(request).taking([], on: "this page")
            return try review(context)
        }
        router.post(RouterPath(ReviewPage.path)) { request, context in
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024, tooLarge: "a decision is under 64 KB")
            let form = QueryParameters(query: String(buffer: body).replacing("+", with: "%20"))
            if let secret = context.sessionSecret {
                guard BrowserSession.isSameOrigin(request),
                    form.get(BrowserSession.csrfField) == BrowserSession.csrfToken(secret: secret)
                else {
                    return try review(context, message: "Decide from this server's own page.", status: .forbidden)
                }
            }
            guard let token = context.token, token.role.mayWrite(.matchReviews) else {
                return try review(
                    context, message: "Deciding needs an analyst's or admin's token.", status: .forbidden)
            }
            let today = state.today.iso8601
            let decision: MatchReview
            do {
                decision = try MatchReview.read { name in
                    name == "decided_on" ? today : form.get(name).flatMap { $0.isEmpty ? nil : $0 }
                }
            } catch let error as RowIssues {
                return try review(context, message: "Not a decision: \(error.description)", status: .badRequest)
            }
            let report = try await Timed.store("import") {
                try await state.store.importRows(
                    from: ImportSource(kind: .matchReviews, records: [decision]),
                    options: ImportOptions(actor: .token(token)))
            }
            guard report.committed, report.badRows == 0 else {
                return try review(
                    context, message: "Not recorded: \(report.issues.map(\.reason).joined(separator: "; "))",
                    status: .conflict)
            }
            try await state.refresh(force: true)
            return Response(status: .seeOther, headers: [.location: ReviewPage.path, .cacheControl: "no-store"])
        }
        router.get(RouterPath(CasesPage.path)) { request, _ in
            let options = try casesOptions(
                Query(request).taking(["as_of", "state", "overdue"], on: "this page"), today: state.today)
            return try await Rendering.cached(request, state, day: state.today) { current in
                try Rendering.entry(
                    html: pages.renderUTF8(
                        CasesPage(
                            current: current, day: options.day, state: options.state, overdueOnly: options.overdue,
                            calendar: WorkingDayCalendar(market: .national, data: state.calendarData)),
                        template: "cases"))
            }
        }
        router.get(RouterPath(CasesPage.path + ".csv")) { request, _ in
            let parameters = QueryParameters(request)
            try parameters.checkNames(["as_of", "state", "overdue", "form"], of: "this download")
            let options = try casesOptions(Query(parameters), today: state.today)
            let form = try RecordDownload.form(parameters)
            let calendar = WorkingDayCalendar(market: .national, data: state.calendarData)
            let found = CasesPage.cases(
                state.now, day: options.day, state: options.state, overdueOnly: options.overdue, calendar: calendar)
            // The file in key order, as `innobond export` writes it; as
            // shown, with the clocks, in the page's order.
            let records = form == .registry ? found.map(\.0).sorted { $0.caseID < $1.caseID } : found.map(\.0)
            let day = options.day
            return RecordDownload.response(
                records, form: form, file: "compliance-cases",
                shownHeader:
                    "case_id,uscc,state,discovered,report_due,report_status,reported,exemption_filed,"
                    + "exemption_decision_due,exemption_decision_status,as_of"
            ) { record in
                let clocks = record.clocks(on: day, calendar: calendar)
                let exemption = clocks.first { $0.name == .exemptionDecision }
                return [
                    record.caseID, record.uscc.value, record.state.rawValue, record.discovered.iso8601,
                    clocks[0].due.iso8601, clocks[0].status.rawValue, record.reported?.iso8601 ?? "",
                    record.exemptionFiled?.iso8601 ?? "", exemption?.due.iso8601 ?? "",
                    exemption?.status.rawValue ?? "", day.iso8601,
                ]
                .map(CSVField.quote).joined(separator: ",")
            }
        }
    }
}
