import FixedIncome
import Foundation
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
    var columns: [Column]
    var rows: [Row]
    var total: String
    var pageText: String
    var previous: String?
    var next: String?
    /// The whole filtered set, in the registry's import format and as shown.
    var csv: String
    var csvShown: String
    var api: String
    var empty: Bool
    /// The registry holds no bond at all.
    var registryEmpty: Bool

    /// The columns of the table and of its CSV download, with their sort keys.
    static let columnTitles: [(String, BondQuery.Sort?, Bool)] = [
        ("Code", .code, false), ("Name", .name, false), ("Issuer", .issuer, false), ("Sci-tech", nil, false),
        ("Market", nil, false), ("Issued", .issueDate, false), ("Maturity", .maturityDate, false),
        ("Amount (RMB m)", .amount, true), ("Coupon (%)", .coupon, true), ("Rating", .rating, false),
    ]

    init(current: RegistryState.Current, query: BondQuery) {
        layout = Layout("Bonds", section: .bonds, current: current)
        let ordered = query.ordered(current.snapshot)
        var query = query
        query.clampPage(toCount: ordered.count)
        let page = query.page(of: ordered)
        let issuers = current.snapshot.issuersByCode
        rows = page.map { Self.row($0, issuer: issuers[$0.uscc]) }
        let filter = query.filter
        q = filter.text ?? ""
        from = filter.issued.from?.iso8601 ?? ""
        to = filter.issued.to?.iso8601 ?? ""
        func options<T: Hashable>(_ all: [T], _ chosen: Set<T>, value: (T) -> String, label: (T) -> String)
            -> [Option]
        {
            // Several values chosen (from a link or the API's query) are one
            // option of their own, so that the form sends them back.
            let several = all.filter(chosen.contains)
            let combined =
                several.count > 1
                ? [
                    Option(
                        value: several.map(value).joined(separator: ","),
                        label: several.map(label).joined(separator: ", "), selected: true)
                ] : []
            return [Option(value: "", label: "any", selected: chosen.isEmpty)] + combined
                + all.map {
                    Option(value: value($0), label: label($0), selected: chosen.count == 1 && chosen.contains($0))
                }
        }
        markets = options(Market.allCases, filter.markets, value: \.rawValue, label: \.label)
        regimes = options(Regime.allCases, filter.regimes, value: \.rawValue, label: \.label)
        ownerships = options(Ownership.allCases, filter.ownerships, value: \.rawValue, label: \.label)
        province = filter.provinces.sorted().joined(separator: ", ")
        provinces = Set(current.snapshot.issuers.map(\.province)).sorted()
        kept = [
            Kept(name: "sort", value: query.sort.rawValue),
            Kept(name: "order", value: query.descending ? "desc" : "asc"),
            Kept(name: "per_page", value: String(query.perPage)),
        ]
        sectors = options(Sector.allCases, filter.sectors, value: \.rawValue, label: \.label)
        ratings = options(
            Array(Rating.scale.prefix(10)).compactMap(Rating.init), filter.ratings, value: \.value, label: \.value)
        sciTech = [
            Option(value: "", label: "any", selected: filter.sciTech == nil),
            Option(value: "true", label: "sci-tech", selected: filter.sciTech == true),
            Option(value: "false", label: "conventional", selected: filter.sciTech == false),
        ]
        columns = Self.columnTitles.map { title, sort, numeric in
            guard let sort else { return Column(label: title, href: nil, sorted: nil, arrow: nil, numeric: numeric) }
            let active = sort == query.sort
            let order = active ? (query.descending ? "asc" : "desc") : "asc"
            return Column(
                label: title,
                href: "/bonds?" + query.queryString(["sort": sort.rawValue, "order": order, "page": "1"]),
                sorted: active ? (query.descending ? "descending" : "ascending") : nil,
                arrow: active ? (query.descending ? "↓" : "↑") : nil, numeric: numeric)
        }
        let pages = max(1, (ordered.count + query.perPage - 1) / query.perPage)
        total = NumberText.count(ordered.count, "bond")
        pageText = "page \(query.page) of \(pages)"
        previous = query.page > 1 ? "/bonds?" + query.queryString(["page": String(query.page - 1)]) : nil
        next = query.page < pages ? "/bonds?" + query.queryString(["page": String(query.page + 1)]) : nil
        csv = "/bonds.csv?" + query.queryString()
        csvShown = csv + "&form=shown"
        // The same page from the API: after the last bond of the page before.
        let start = (query.page - 1) * query.perPage
        api =
            "/api/v1/bonds?"
            + query.queryString([
                "page": nil, "per_page": nil, "limit": String(query.perPage),
                "cursor": start > 0 && start <= ordered.count ? query.cursor(after: ordered[start - 1]) : nil,
            ])
        empty = rows.isEmpty
        registryEmpty = current.snapshot.bonds.isEmpty
    }

    static func row(_ bond: Bond, issuer: Issuer?) -> Row {
        Row(
            code: bond.code.value, href: "/bonds/" + bond.code.value, name: bond.name,
            issuer: issuer?.name ?? bond.uscc.value, issuerHref: "/issuers/" + bond.uscc.value, sciTech: bond.sciTech,
            regime: bond.regime?.label ?? "", market: bond.market.rawValue, issueDate: bond.issueDate.iso8601,
            maturityDate: bond.maturityDate.iso8601, amount: Format.millions(bond.amount.fen),
            coupon: NumberText.fixed(bond.couponRatePercent, 2), rating: bond.rating?.value ?? "")
    }

    /// The header of the list's columns as CSV (and the regime).
    static let shownHeader =
        "code,name,issuer,uscc,sci_tech,regime,market,issue_date,maturity_date,amount_cny,coupon_rate,rating"

    /// A bond as a CSV line of the list's columns.
    static func shownLine(_ bond: Bond, issuer: Issuer?) -> String {
        [
            bond.code.value, bond.name, issuer?.name ?? "", bond.uscc.value, bond.sciTech ? "true" : "false",
            bond.regime?.rawValue ?? "", bond.market.rawValue, bond.issueDate.iso8601, bond.maturityDate.iso8601,
            bond.amount.yuanText, bond.couponRatePercent.shortText, bond.rating?.value ?? "",
        ].map(CSVField.quote).joined(separator: ",")
    }
}
