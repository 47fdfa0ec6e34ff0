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
    }

    var day: String
    var rows: [Row]
    var reached: Bool
    /// Why the register cannot answer (holdings that go round in a circle).
    var problem: String?
    var apiHref: String
    var issuerName: String
    var issuerHref: String

    init(current: RegistryState.Current, issuer: Issuer, day: CivilDate) {
        let register = current.shield
        let exposures = register?.exposure(of: ShieldRegister.Party(issuer), on: day) ?? []
        self.day = day.iso8601
        rows = exposures.map { exposure in
            let measure = exposure.measure
            return Row(
                citation: measure.citation,
                measure: measure.jurisdiction + " " + measure.authority + ": " + measure.instrument,
                kind: measure.kind.rawValue.replacing("_", with: " "),
                route: register.map { ShieldPage.route(exposure, register: $0) } ?? "", source: measure.source,
                counters: (register?.counterMeasures(to: measure.id, on: day) ?? []).map {
                    "\($0.instrument) (\($0.citation))"
                }.joined(separator: "; "))
        }
        reached = !exposures.isEmpty
        problem = current.shieldProblem
        issuerName = issuer.name
        issuerHref = "/issuers/" + issuer.uscc.value
        apiHref = "/api/v1/issuers/\(issuer.uscc.value)/exposure?as_of=\(day)"
    }
}
