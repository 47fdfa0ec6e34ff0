import FixedIncome
import Foundation
import InnobondIO
import InnobondInsights
import InnobondModel

/// `/bonds`: the registry's bonds, searched, filtered, sorted and paged.
struct BondListPage: Sendable {
    struct Row: Sendable {
        var code: String
        var href: String
        var name: String
        var issuer: String
        var issuerHref: String
        var sciTech: Bool
        var regime: String
        var market: String
        var issueDate: String
        var maturityDate: String
        var amount: String
        var coupon: String
        var rating: String
        /// `matured` or `not yet issued`; empty while outstanding.
        var status: String
        var remaining: String
        var outstanding: String
        var quoteDate: String
        /// The quote's age in words, for the date's title.
        var quoteAge: String
        var stale: Bool
        var cleanPrice: String
        var yield: String
        var gSpread: String
        var zSpread: String
        var duration: String
    }

    /// A bound of a range filter: its parameter and value.
    struct Bound: Sendable {
        var label: String
        var name: String
        var value: String
        var step: String
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Column: Sendable {
        var label: String
        /// The link that sorts by the column; `nil` for a column that does not sort.
        var href: String?
        /// `ascending` or `descending` on the column the list is sorted by.
        var sorted: String?
        /// `↑` or `↓` on that column.
        var arrow: String?
        var numeric: Bool
        /// The `sort` value of the column; empty for a column that does not sort.
        var key: String
    }

    /// A query parameter the form keeps as it is: the order and page size.
    struct Kept: Sendable {
        var name: String
        var value: String
    }

    var layout: Layout
    var q: String
    var from: String
    var to: String
    var markets: [Option]
    var regimes: [Option]
    var sectors: [Option]
    var ratings: [Option]
    var ownerships: [Option]
    var sciTech: [Option]
    /// The provinces filtered on, comma-separated, and the registry's provinces to pick from.
    var province: String
    var provinces: [String]
    var kept: [Kept]
    var statuses: [Option]
    var tenors: [Option]
    var quoteAgeMax: String
    var bounds: [Bound]
    /// The day statuses, remaining tenors and quote ages are measured at.
    var asOf: String
    var columns: [Column]
    var rows: [Row]
    var total: String
    var pageText: String
    var previous: String?
    var next: String?
    /// The whole filtered set, in the registry's import format and as shown.
    var csv: String
    var csvShown: String
    /// This screen, from its first page: a link to keep.
    var screenHref: String
    var api: String
    var empty: Bool
    /// The registry holds no bond at all.
    var registryEmpty: Bool

    /// The columns of the table and of its CSV download, with their sort keys.
    static let columnTitles: [(String, BondQuery.Sort?, Bool)] = [
        ("Code", .code, false), ("Name", .name, false), ("Issuer", .issuer, false), ("Sci-tech", nil, false),
        ("Market", nil, false), ("Rating", .rating, false), ("Issued", .issueDate, false),
        ("Maturity", .maturityDate, false), ("Left (years)", .remaining, true), ("Amount (RMB m)", .amount, true),
        ("Outst. (RMB m)", .outstanding, true), ("Coupon (%)", .coupon, true), ("Quote date", .quoteDate, false),
        ("Clean price", .cleanPrice, true), ("Yield (%)", .yield, true), ("G-spread (bp)", .gSpread, true),
        ("Z-spread (bp)", .zSpread, true), ("Mod. dur. (years)", .duration, true),
    ]

    init(current: RegistryState.Current, query: BondQuery, screener: BondScreener) {
        layout = Layout("Bonds", section: .bonds, current: current)
        layout.wide = true
        let listing = screener.run(query)
        let facets = listing.facets
        var query = query
        query.clampPage(toCount: listing.total)
        let page = (try? query.page(of: listing).bonds) ?? []
        let issuers = current.snapshot.issuersByCode
        rows = page.map { Self.row($0, issuer: issuers[$0.uscc], market: screener.market($0)) }
        asOf = screener.today.iso8601
        let filter = query.filter
        q = filter.text ?? ""
        from = filter.issued.from?.iso8601 ?? ""
        to = filter.issued.to?.iso8601 ?? ""
        func options<T: Hashable>(
            _ all: [T], _ chosen: Set<T>, value: (T) -> String, label name: (T) -> String,
            counts: [BondScreener.Facets.Count]? = nil
        ) -> [Option] {
            // Beside each value, how many bonds it would list with the other filters kept.
            let counted = counts.map { Dictionary($0.map { ($0.value, $0.count) }, uniquingKeysWith: +) }
            func label(_ item: T) -> String {
                name(item) + (counted.map { " (" + NumberText.group(Int64($0[value(item)] ?? 0)) + ")" } ?? "")
            }
            // Several values chosen (from a link or the API's query) are one
            // option of their own, so that the form sends them back.
            let several = all.filter(chosen.contains)
            let combined =
                several.count > 1
                ? [
                    Option(
                        value: several.map(value).joined(separator: ","),
                        label: several.map(name).joined(separator: ", "), selected: true)
                ] : []
            return [Option(value: "", label: "any", selected: chosen.isEmpty)] + combined
                + all.map {
                    Option(value: value($0), label: label($0), selected: chosen.count == 1 && chosen.contains($0))
                }
        }
        markets = options(
            Market.allCases, filter.markets, value: \.rawValue, label: \.label, counts: facets.market)
        regimes = options(
            Regime.allCases, filter.regimes, value: \.rawValue, label: \.label, counts: facets.regime)
        ownerships = options(Ownership.allCases, filter.ownerships, value: \.rawValue, label: \.label)
        province = filter.provinces.sorted().joined(separator: ", ")
        provinces = current.bondIndex.provinceNames
        kept = [
            Kept(name: "sort", value: query.sort.rawValue),
            Kept(name: "order", value: query.descending ? "desc" : "asc"),
            Kept(name: "per_page", value: String(query.perPage)),
        ]
        sectors = options(
            Sector.allCases, filter.sectors, value: \.rawValue, label: \.label, counts: facets.sector)
        // The ratings the registry's bonds have here, and any chosen.
        ratings = options(
            Set(facets.rating.compactMap { Rating($0.value) }).union(filter.ratings).sorted(), filter.ratings,
            value: \.value, label: \.value, counts: facets.rating)
        let screen = query.screen
        statuses = options(
            [BondLife.outstanding, .matured, .notYetIssued], screen.statuses, value: \.rawValue,
            label: { $0.rawValue.replacing("_", with: " ") })
        tenors = options(TenorBucket.allCases, screen.tenors, value: \.rawValue, label: \.label)
        quoteAgeMax = screen.quoteAgeMax.map(String.init) ?? ""
        bounds = BondScreen.Measure.allCases.flatMap { measure in
            let (name, step) = Self.boundLabels[measure]!
            return [("min", "from"), ("max", "to")].map { suffix, word in
                let value = suffix == "min" ? screen.bounds[measure]?.min : screen.bounds[measure]?.max
                return Bound(
                    label: suffix == "min" ? name + " " + word : word, name: measure.rawValue + "_" + suffix,
                    value: value?.shortText ?? "", step: step)
            }
        }
        sciTech = [
            Option(value: "", label: "any", selected: filter.sciTech == nil),
            Option(value: "true", label: "sci-tech", selected: filter.sciTech == true),
            Option(value: "false", label: "conventional", selected: filter.sciTech == false),
        ]
        let links = BondQuery.Links(query)
        columns = Self.columnTitles.map { title, sort, numeric in
            guard let sort else {
                return Column(label: title, href: nil, sorted: nil, arrow: nil, numeric: numeric, key: "")
            }
            let active = sort == query.sort
            let order = active ? (query.descending ? "asc" : "desc") : (sort.descendsByDefault ? "desc" : "asc")
            return Column(
                label: title,
                href: "/bonds?" + links.queryString(["sort": sort.rawValue, "order": order, "page": "1"]),
                sorted: active ? (query.descending ? "descending" : "ascending") : nil,
                arrow: active ? (query.descending ? "↓" : "↑") : nil, numeric: numeric, key: sort.rawValue)
        }
        let pages = max(1, (listing.total + query.perPage - 1) / query.perPage)
        total = NumberText.count(listing.total, "bond")
        pageText = "page \(query.page) of \(pages)"
        previous = query.page > 1 ? "/bonds?" + links.queryString(["page": String(query.page - 1)]) : nil
        next = query.page < pages ? "/bonds?" + links.queryString(["page": String(query.page + 1)]) : nil
        csv = "/bonds.csv?" + links.queryString()
        csvShown = csv + "&form=shown"
        screenHref = "/bonds?" + links.queryString(["page": nil])
        // The same page from the API: after the last bond of the page before.
        let start = (query.page - 1) * query.perPage
        api =
            "/api/v1/bonds?"
            + links.queryString([
                "page": nil, "per_page": nil, "limit": String(query.perPage),
                "cursor": start > 0 && start <= listing.total
                    ? listing.bonds(from: start - 1, count: 1).first.map(query.cursor(after:)) : nil,
            ])
        empty = rows.isEmpty
        registryEmpty = current.snapshot.bonds.isEmpty
    }

    /// The label and input step of each range filter.
    static let boundLabels: [BondScreen.Measure: (String, String)] = [
        .yield: ("Yield (%)", "0.01"), .gSpread: ("G-spread (bp)", "1"), .zSpread: ("Z-spread (bp)", "1"),
        .cleanPrice: ("Clean price", "0.01"), .duration: ("Modified duration (years)", "0.1"),
    ]

    static func row(_ bond: Bond, issuer: Issuer?, market: BondScreener.MarketColumns) -> Row {
        let figures = market.figures
        func number(_ value: Double?, _ digits: Int) -> String { value.map { NumberText.fixed($0, digits) } ?? "" }
        return Row(
            code: bond.code.value, href: "/bonds/" + bond.code.value, name: bond.name,
            issuer: issuer?.name ?? bond.uscc.value, issuerHref: "/issuers/" + bond.uscc.value, sciTech: bond.sciTech,
            regime: bond.regime?.label ?? "", market: bond.market.rawValue, issueDate: bond.issueDate.iso8601,
            maturityDate: bond.maturityDate.iso8601, amount: Format.millions(bond.amount.fen),
            coupon: NumberText.fixed(bond.couponRatePercent, 2), rating: bond.rating?.value ?? "",
            status: market.status == .outstanding ? "" : market.status.rawValue.replacing("_", with: " "),
            remaining: market.status == .outstanding ? NumberText.fixed(market.remainingYears, 2) : "",
            outstanding: Format.millions(market.outstanding.fen), quoteDate: figures?.quote.date.iso8601 ?? "",
            quoteAge: market.quoteAge.map { "\($0.days) \($0.unit) old, from \(figures!.quote.source)" } ?? "",
            stale: market.stale, cleanPrice: number(figures?.cleanPrice, 4), yield: number(figures?.yieldPercent, 4),
            gSpread: number(figures?.gSpreadBp, 1), zSpread: number(figures?.zSpreadBp, 1),
            duration: number(figures?.modifiedDuration, 3))
    }

    /// The header of the list's columns as CSV (and the regime); money in
    /// yuan as the registry's files write it.
    static let shownHeader =
        "code,name,issuer,uscc,sci_tech,regime,market,rating,issue_date,maturity_date,status,remaining_years,"
        + "amount_cny,outstanding_cny,coupon_rate,quote_date,quote_source,quote_age,quote_stale,clean_price,"
        + "yield,g_spread_bp,z_spread_bp,modified_duration"

    /// A bond as a CSV line of the list's columns, figures unrounded.
    static func shownLine(_ bond: Bond, issuer: Issuer?, market: BondScreener.MarketColumns) -> String {
        let figures = market.figures
        return [
            bond.code.value, bond.name, issuer?.name ?? "", bond.uscc.value, bond.sciTech ? "true" : "false",
            bond.regime?.rawValue ?? "", bond.market.rawValue, bond.rating?.value ?? "", bond.issueDate.iso8601,
            bond.maturityDate.iso8601, market.status.rawValue, market.remainingYears.shortText, bond.amount.yuanText,
            market.outstanding.yuanText, bond.couponRatePercent.shortText, figures?.quote.date.iso8601 ?? "",
            figures?.quote.source ?? "", market.quoteAge.map { String($0.days) } ?? "",
            figures == nil ? "" : market.stale ? "true" : "false", figures?.cleanPrice?.shortText ?? "",
            figures?.yieldPercent?.shortText ?? "", figures?.gSpreadBp?.shortText ?? "",
            figures?.zSpreadBp?.shortText ?? "", figures?.modifiedDuration?.shortText ?? "",
        ].map(CSVField.quote).joined(separator: ",")
    }
}
