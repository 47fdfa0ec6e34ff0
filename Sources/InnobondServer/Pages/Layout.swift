import InnobondInsights

/// What every page shows around its content: title, navigation, the
/// demo-data notice, the registry version.
struct Layout: Sendable {
    struct NavigationItem: Sendable {
        var label: String
        var href: String
        var active: Bool
    }

    enum Section: String, CaseIterable, Sendable {
        case overview = "Overview"
        case bonds = "Bonds"
        case issuers = "Issuers"
        case monitor = "Monetary monitor"
        case curves = "Curves"
        case integrity = "Integrity"
        case shield = "Legal shield"
        case reports = "Reports"

        var href: String {
            switch self {
            case .overview: return "/"
            case .bonds: return "/bonds"
            case .issuers: return "/issuers"
            case .monitor: return "/monitor"
            case .curves: return "/curves"
            case .integrity: return "/integrity"
            case .shield: return "/shield"
            case .reports: return "/reports"
            }
        }
    }

    var title: String
    var nav: [NavigationItem]
    var isDemo: Bool
    var demoNotice: String
    var version: String
    /// Whether the footer gives the registry's version and latest date.
    var showsRegistry = true
    /// The page uses the whole width of the window (wide tables).
    var wide = false
    /// `data to 2026-11-20`, or that there is none.
    var latest: String
    /// That the store does not answer and since when, while it does not.
    var staleNotice: String?

    /// Shows nothing of the registry (its version, latest date, demo notice):
    /// for the visitors a private server has not let in.
    mutating func hideRegistry() {
        showsRegistry = false
        isDemo = false
        staleNotice = nil
    }

    init(_ title: String, section: Section?, current: RegistryState.Current) {
        self.title = title
        nav = Section.allCases.map { NavigationItem(label: $0.rawValue, href: $0.href, active: $0 == section) }
        isDemo = current.snapshot.isDemo
        demoNotice = Briefing.demoNotice
        version = String(current.version)
        latest =
            current.snapshot.bonds.isEmpty && current.snapshot.curvePoints.isEmpty
            ? "no bonds or curves yet" : "data to \(current.latestDate)"
        staleNotice = current.staleSince.map {
            "The database has not answered since \($0): this is the registry as this server last read it "
                + "(version \(current.version)); writes wait until the database is back."
        }
    }
}

/// Formatting shared by the pages.
enum Format {
    /// Yuan in fen as millions with one decimal, grouped.
    static func millions(_ fen: Int64) -> String { NumberText.fixed(Double(fen) / 1e8, 1, grouped: true) }

    static func optional(_ value: Double?, _ places: Int) -> String {
        value.map { NumberText.fixed($0, places) } ?? "–"
    }

    /// A decimal rate as percent.
    static func percent(_ decimal: Double?, _ places: Int = 4) -> String {
        decimal.map { NumberText.fixed($0 * 100, places) } ?? "–"
    }
}
