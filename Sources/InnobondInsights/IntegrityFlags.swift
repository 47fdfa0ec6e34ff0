import FixedIncome
import InnobondModel

/// Limits the integrity checks measure against. Several are unconfirmed as
/// general rules (DOMAIN.md), hence settings.
public struct IntegritySettings: Sendable, Hashable, Codable {
    /// Least share of proceeds committed to sci-tech uses (70 %).
    public var sciTechShareFloor: Double = 0.70
    /// Most share committed to refinancing and working capital (30 %).
    public var conventionalUseCap: Double = 0.30
    /// R&D over revenue, over the last three fiscal years (5 %).
    public var researchIntensityFloor: Double = 0.05
    /// Cumulative R&D over the last three fiscal years, fen (RMB 60 m).
    public var cumulativeResearchFloorFen: Int64 = 60_000_000 * 100
    /// Invention patents (30).
    public var patentFloor: Int = 30
    /// Working days from filing to registration expected of the green channel (10).
    public var approvalDaysLimit: Int = 10
    /// A fall of the R&D-main-use share by more than this between the first
    /// and last half-years is flagged, 0...1 (5 points).
    public var researchShareDrop: Double = 0.05
    /// Half-years with fewer sci-tech bonds do not count for that trend.
    public var minimumBondsPerHalf: Int = 10

    public init() {}

    public static let standard = IntegritySettings()
}

/// Something the data flags about sci-tech bonds: a risk or an open question.
public struct IntegrityFlag: Sendable, Codable, Equatable {
    /// A stable identifier: `rd_main_use_falling`, `below_sci_tech_floor`, ...
    public var id: String
    public var title: String
    public var takeaway: Takeaway
    /// Bonds (or issuers' codes) flagged, in code order.
    public var codes: [String]
}

/// The checks of DOMAIN.md over the sci-tech bonds a filter passes:
/// committed sci-tech share against the floor, refinancing and working
/// capital against the cap, bonds without committed uses, eligibility the
/// issuer's financials do not show, approvals slower than the green
/// channel, and a falling share of bonds with R&D as their main use.
public enum IntegrityChecks {
    public static func run(
        _ snapshot: RegistrySnapshot, filter: BondFilter, settings: IntegritySettings = .standard
    ) -> [IntegrityFlag] {
        let bonds = snapshot.bonds(matching: filter.with(sciTech: true)).sorted { $0.code < $1.code }
        guard !bonds.isEmpty else { return [] }
        let uses = Dictionary(grouping: snapshot.proceeds, by: \.bondCode)
        var flags: [IntegrityFlag] = []
        let scope = "sci-tech bonds issued \(filter.issued)"

        // Committed uses against the floor and the cap.
        var belowFloor: [Bond] = []
        var conventionalHeavy: [Bond] = []
        var withoutUses: [Bond] = []
        for bond in bonds {
            guard let committed = uses[bond.code], !committed.isEmpty else {
                withoutUses.append(bond)
                continue
            }
            let sciTechFen = committed.filter(\.category.isSciTech).reduce(Int64(0)) {
                $0.addingClamped($1.planned.fen)
            }
            let conventionalFen = committed.filter { $0.category == .refinancing || $0.category == .workingCapital }
                .reduce(Int64(0)) { $0.addingClamped($1.planned.fen) }
            if Double(sciTechFen) < settings.sciTechShareFloor * Double(bond.amount.fen) { belowFloor.append(bond) }
            if Double(conventionalFen) > settings.conventionalUseCap * Double(bond.amount.fen) {
                conventionalHeavy.append(bond)
            }
        }
        let source = "use_of_proceeds and bonds: \(scope)"
        if !belowFloor.isEmpty {
            flags.append(
                flag(
                    "below_sci_tech_floor", "Committed sci-tech share below the floor", belowFloor,
                    Takeaway(
                        belowFloor.count == 1
                            ? "{count} of {total} sci-tech bonds ({amount}) commits less than {floor} of its proceeds to sci-tech uses."
                            : "{count} of {total} sci-tech bonds ({amount}) commit less than {floor} of their proceeds to sci-tech uses.",
                        [
                            "count": .count("Bonds below the floor", belowFloor.count, source: source),
                            "total": .count("Sci-tech bonds", bonds.count, source: source),
                            "amount": .amount(
                                "Amount of bonds below the floor", fen: total(belowFloor), source: source),
                            "floor": .percent(
                                "Sci-tech share floor (setting)", settings.sciTechShareFloor * 100, places: 0,
                                source: "setting sciTechShareFloor"),
                        ])))
        }
        if !conventionalHeavy.isEmpty {
            flags.append(
                flag(
                    "refinancing_and_working_capital", "Refinancing and working capital above the cap",
                    conventionalHeavy,
                    Takeaway(
                        conventionalHeavy.count == 1
                            ? "{count} ({amount}) commits more than {cap} of its proceeds to refinancing and working capital, where rebranded conventional borrowing hides."
                            : "{count} ({amount}) commit more than {cap} of their proceeds to refinancing and working capital, where rebranded conventional borrowing hides.",
                        [
                            "count": .count(
                                "Bonds above the cap", conventionalHeavy.count, noun: "sci-tech bond", source: source),
                            "amount": .amount(
                                "Amount of bonds above the cap", fen: total(conventionalHeavy), source: source),
                            "cap": .percent(
                                "Refinancing and working-capital cap (setting)", settings.conventionalUseCap * 100,
                                places: 0, source: "setting conventionalUseCap"),
                        ])))
        }
        if !withoutUses.isEmpty {
            flags.append(
                flag(
                    "no_committed_uses", "No committed use of proceeds on record", withoutUses,
                    Takeaway(
                        withoutUses.count == 1
                            ? "{count} ({amount}) has no committed use of proceeds on record."
                            : "{count} ({amount}) have no committed use of proceeds on record.",
                        [
                            "count": .count(
                                "Bonds without committed uses", withoutUses.count, noun: "sci-tech bond", source: source
                            ),
                            "amount": .amount("Their amount", fen: total(withoutUses), source: source),
                        ])))
        }

        // Eligibility the financials do not show (sci-tech enterprises; financial institutions and PE/VC aside).
        let financials = Dictionary(grouping: snapshot.financials, by: \.uscc)
        var unproven: [String] = []
        var noFinancials: [String] = []
        for uscc in Set(bonds.map(\.uscc)).sorted() {
            guard let issuer = snapshot.issuersByCode[uscc], issuer.sector != .financial, issuer.sector != .peVC
            else { continue }
            let years = (financials[uscc] ?? []).sorted { $0.year > $1.year }.prefix(3)
            guard !years.isEmpty else {
                noFinancials.append(uscc.value)
                continue
            }
            let revenue = years.reduce(Int64(0)) { $0.addingClamped($1.revenue.fen) }
            let research = years.reduce(Int64(0)) { $0.addingClamped($1.researchSpend.fen) }
            let intensity = revenue > 0 ? Double(research) / Double(revenue) : 0
            let patents = years.first?.inventionPatents ?? 0
            if intensity < settings.researchIntensityFloor && research < settings.cumulativeResearchFloorFen
                && patents < settings.patentFloor
            {
                unproven.append(uscc.value)
            }
        }
        let financialSource = "issuer_financials, last three fiscal years, of issuers of \(scope)"
        if !unproven.isEmpty {
            flags.append(
                IntegrityFlag(
                    id: "eligibility_not_shown", title: "Eligibility the financials do not show",
                    takeaway: Takeaway(
                        unproven.count == 1
                            ? "{count} of sci-tech bonds shows neither R&D of {intensity} of revenue, nor RMB 60 m of R&D over three years, nor {patents} invention patents."
                            : "{count} of sci-tech bonds show neither R&D of {intensity} of revenue, nor RMB 60 m of R&D over three years, nor {patents} invention patents.",
                        [
                            "count": .count("Issuers", unproven.count, noun: "issuer", source: financialSource),
                            "intensity": .percent(
                                "R&D intensity floor (setting)", settings.researchIntensityFloor * 100, places: 0,
                                source: "setting researchIntensityFloor"),
                            "patents": .count(
                                "Patent floor (setting)", settings.patentFloor, source: "setting patentFloor"),
                        ]), codes: unproven))
        }
        if !noFinancials.isEmpty {
            flags.append(
                IntegrityFlag(
                    id: "no_financials", title: "Issuers without financials",
                    takeaway: Takeaway(
                        noFinancials.count == 1
                            ? "{count} of sci-tech bonds has no financials on record, so its eligibility cannot be checked."
                            : "{count} of sci-tech bonds have no financials on record, so their eligibility cannot be checked.",
                        ["count": .count("Issuers", noFinancials.count, noun: "issuer", source: financialSource)]),
                    codes: noFinancials))
        }

        // Approvals slower than the green channel.
        let slow = bonds.filter { ($0.approvalDays ?? 0) > settings.approvalDaysLimit }
        if !slow.isEmpty {
            flags.append(
                flag(
                    "slow_approval", "Approvals slower than the green channel", slow,
                    Takeaway(
                        "{count} took more than {limit} working days from filing to registration.",
                        [
                            "count": .count(
                                "Bonds", slow.count, noun: "sci-tech bond", source: "bonds.approval_days: \(scope)"),
                            "limit": .count(
                                "Approval limit, working days (setting)", settings.approvalDaysLimit,
                                source: "setting approvalDaysLimit"),
                        ])))
        }

        // The share of bonds whose largest committed use is R&D, first and last half-year.
        var halves: [String: (research: Int, all: Int)] = [:]
        for bond in bonds {
            guard let main = uses[bond.code]?.max(by: { ($0.planned, $1.project) < ($1.planned, $0.project) })
            else { continue }
            let half = "\(bond.issueDate.year) H\(bond.issueDate.month <= 6 ? 1 : 2)"
            halves[half, default: (0, 0)].all += 1
            if main.category == .rd { halves[half, default: (0, 0)].research += 1 }
        }
        let counted = halves.filter { $0.value.all >= settings.minimumBondsPerHalf }.sorted { $0.key < $1.key }
        if let first = counted.first, let last = counted.last, first.key != last.key {
            let firstShare = Double(first.value.research) / Double(first.value.all)
            let lastShare = Double(last.value.research) / Double(last.value.all)
            if firstShare - lastShare > settings.researchShareDrop {
                let source = "use_of_proceeds: largest committed use of each sci-tech bond, by half-year of issue"
                flags.append(
                    IntegrityFlag(
                        id: "rd_main_use_falling", title: "Falling share of bonds with R&D as their main use",
                        takeaway: Takeaway(
                            "The share of sci-tech bonds with R&D as their main committed use fell from {first} in \(first.key) ({firstCount} bonds) to {last} in \(last.key) ({lastCount} bonds).",
                            [
                                "first": .percent("R&D-main-use share, \(first.key)", firstShare * 100, source: source),
                                "firstCount": .count("Bonds, \(first.key)", first.value.all, source: source),
                                "last": .percent("R&D-main-use share, \(last.key)", lastShare * 100, source: source),
                                "lastCount": .count("Bonds, \(last.key)", last.value.all, source: source),
                            ]), codes: []))
            }
        }
        return flags
    }

    private static func total(_ bonds: [Bond]) -> Int64 { bonds.reduce(Int64(0)) { $0.addingClamped($1.amount.fen) } }

    private static func flag(_ id: String, _ title: String, _ bonds: [Bond], _ takeaway: Takeaway) -> IntegrityFlag {
        IntegrityFlag(id: id, title: title, takeaway: takeaway, codes: bonds.map(\.code.value))
    }
}
