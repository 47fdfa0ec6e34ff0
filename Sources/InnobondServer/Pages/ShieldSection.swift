import FixedIncome
import InnobondInsights
import InnobondModel

/// The "Legal shield" section of an issuer's page and of its bonds' pages:
/// the measures that reach the issuer on a day, and how (docs/shield.md).
struct ShieldSection: Sendable {
    struct Row: Sendable {
        var citation: String
        var measure: String
        var kind: String
        var route: String
        var source: String
        /// The Chinese measures in force that counter it.
        var counters: String

        /// The measure of `exposure`, reaching as `route` says.
        init(_ exposure: ShieldRegister.Exposure, route: String, register: ShieldRegister?, on day: CivilDate) {
            let measure = exposure.measure
            citation = measure.citation
            self.measure = measure.jurisdiction + " " + measure.authority + ": " + measure.instrument
            kind = measure.kind.rawValue.replacing("_", with: " ")
            self.route = route
            source = measure.source
            counters = (register?.counterMeasures(to: measure.id, on: day) ?? []).map {
                "\($0.instrument) (\($0.citation))"
            }.joined(separator: "; ")
        }
    }

    var heading = "Legal shield"
    var day: String
    var rows: [Row]
    var reached: Bool
    /// Parties it holds that measures name (its subsidiaries on a list).
    var holdings: [Row]
    var hasHoldings: Bool
    /// Why the register cannot answer (holdings that go round in a circle).
    var problem: String?
    var apiHref: String
    var issuerName: String
    var issuerHref: String

    init(current: RegistryState.Current, issuer: Issuer, day: CivilDate) {
        self.init(
            current: current, party: current.shield?.party(issuer) ?? ShieldRegister.Party(issuer), name: issuer.name,
            href: "/issuers/" + issuer.uscc.value, day: day,
            apiHref: "/api/v1/issuers/\(issuer.uscc.value)/exposure?as_of=\(day)")
    }

    /// Any party of the register: an issuer, or a party of the holdings.
    init(
        current: RegistryState.Current, party: ShieldRegister.Party, name: String, href: String, day: CivilDate,
        apiHref: String
    ) {
        let register = current.shield
        let exposures = register?.exposure(of: party, on: day) ?? []
        self.day = day.iso8601
        rows = exposures.map { exposure in
            Row(exposure, route: register?.route(exposure) ?? "", register: register, on: day)
        }
        reached = !exposures.isEmpty
        holdings = (register?.namedHoldings(of: party, on: day) ?? []).flatMap { held in
            held.exposures.map { exposure in
                Row(
                    exposure,
                    route: "names \(held.party.names.first ?? held.party.key), "
                        + "\(NumberText.fixed(held.percent, 1)) % held", register: register, on: day)
            }
        }
        hasHoldings = !holdings.isEmpty
        problem = current.shieldProblem
        issuerName = name
        issuerHref = href
        self.apiHref = apiHref
    }
}
