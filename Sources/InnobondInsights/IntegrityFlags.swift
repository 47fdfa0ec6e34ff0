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

    // The use-of-proceeds ledger's checks (``IntegrityScoring``).

    /// Most share of the allocated proceeds in parks and incubators (30 %).
    public var parkInfrastructureCap: Double = 0.30
    /// Refinancing plus working capital above this share of the allocated
    /// proceeds dominate them (50 %).
    public var conventionalDominance: Double = 0.50
    /// Months after issuance from which an unallocated balance is stale (12).
    public var unallocatedMonths: Int = 12
    /// When a year's allocation report is due in the next year: 30 April.
    public var annualReportDue = MonthDay(month: 4, day: 30)
    /// When a half-year's report is due: 31 August.
    public var semiannualReportDue = MonthDay(month: 8, day: 31)
    /// Days added to both due dates, for extensions an exchange grants (0;
    /// the extensions are not confirmed as general rules).
    public var reportGraceDays: Int = 0
    /// A fall of the issuer's R&D intensity after issuance by more than this,
    /// from the last fiscal year before issue to the latest (1 point).
    public var researchIntensityDrop: Double = 0.01
    /// How far a balance may be from what the entries before it leave, and
    /// how much may stay unallocated without counting, fen (10,000 yuan).
    public var balanceToleranceFen: Int64 = UnallocatedBalance.tolerance.fen
    /// Points of the 0-100 score each ledger check adds when it fires, by
    /// check identifier; they add up to 100.
    public var weights: [String: Int] = [
        "allocated_below_floor": 20, "conventional_dominant": 15, "changed_to_conventional": 15,
        "evidence_not_valid": 10, "park_above_cap": 8, "unallocated_stale": 8, "report_overdue": 8,
        "research_intensity": 6, "sector_conventional": 5, "balance_unexplained": 5,
    ]

    public init() {}

    public static let standard = IntegritySettings()
}

/// A day of the year, for due dates.
public struct MonthDay: Sendable, Hashable, Codable {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// The day in `year` (28 February for 29 February in other years).
    public func date(in year: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day) ?? CivilDate(year: year, month: month, day: day - 1)!
    }
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
        // Positions in code order, then one copy of each bond.
        let all = snapshot.bonds
        let bonds = snapshot.inCodeOrder(snapshot.positions(matching: filter.with(sciTech: true))).map { all[$0] }
        guard !bonds.isEmpty else { return [] }
        let uses = Dictionary(grouping: snapshot.proceeds, by: \.bondCode)
        let scope = "sci-tech bonds issued \(filter.issued)"
        return belowSciTechFloor(bonds, uses: uses, scope: scope, settings: settings)
            + aboveConventionalUseCap(bonds, uses: uses, scope: scope, settings: settings)
            + withoutCommittedUses(bonds, uses: uses, scope: scope)
            + eligibilityNotShown(bonds, snapshot: snapshot, scope: scope, settings: settings)
            + slowApprovals(bonds, scope: scope, settings: settings)
            + researchMainUseFalling(bonds, uses: uses, settings: settings)
    }

    /// `below_sci_tech_floor`: bonds committing less than the floor of their proceeds to sci-tech uses.
    private static func belowSciTechFloor(
        _ bonds: [Bond], uses: [BondCode: [UseOfProceeds]], scope: String, settings: IntegritySettings
    ) -> [IntegrityFlag] {
        let belowFloor = bonds.filter { bond in
            guard let committed = uses[bond.code], !committed.isEmpty else { return false }
            let sciTechFen = plannedFen(committed) { $0.category.isSciTech }
            return Double(sciTechFen) < settings.sciTechShareFloor * Double(bond.amount.fen)
        }
        guard !belowFloor.isEmpty else { return [] }
        let source = usesSource(scope)
        return [
            flag(
                "below_sci_tech_floor", "Committed sci-tech share below the floor", belowFloor,
                Takeaway(
                    belowFloor.count == 1
                        ? "{count} of {total} sci-tech bonds ({amount}) commits less than {floor} of its proceeds to sci-tech uses."
                        : "{count} of {total} sci-tech bonds ({amount}) commit less than {floor} of their proceeds to sci-tech uses.",
                    [
                        "count": .count("Bonds below the floor", belowFloor.count, source: source),
                        "total": .count("Sci-tech bonds", bonds.count, source: source),
                        "amount": .amount("Amount of bonds below the floor", fen: total(belowFloor), source: source),
                        "floor": .percent(
                            "Sci-tech share floor (setting)", settings.sciTechShareFloor * 100, places: 0,
                            source: "setting sciTechShareFloor"),
                    ]))
        ]
    }

    /// `refinancing_and_working_capital`: bonds committing more than the cap
    /// to refinancing and working capital.
    private static func aboveConventionalUseCap(
        _ bonds: [Bond], uses: [BondCode: [UseOfProceeds]], scope: String, settings: IntegritySettings
    ) -> [IntegrityFlag] {
        let conventionalHeavy = bonds.filter { bond in
            guard let committed = uses[bond.code], !committed.isEmpty else { return false }
            let conventionalFen = plannedFen(committed) {
                $0.category == .refinancing || $0.category == .workingCapital
            }
            return Double(conventionalFen) > settings.conventionalUseCap * Double(bond.amount.fen)
        }
        guard !conventionalHeavy.isEmpty else { return [] }
        let source = usesSource(scope)
        return [
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
                    ]))
        ]
    }

    /// `no_committed_uses`: bonds with no committed use of proceeds on record.
    private static func withoutCommittedUses(
        _ bonds: [Bond], uses: [BondCode: [UseOfProceeds]], scope: String
    ) -> [IntegrityFlag] {
        let withoutUses = bonds.filter { uses[$0.code]?.isEmpty ?? true }
        guard !withoutUses.isEmpty else { return [] }
        let source = usesSource(scope)
        return [
            flag(
                "no_committed_uses", "No committed use of proceeds on record", withoutUses,
                Takeaway(
                    withoutUses.count == 1
                        ? "{count} ({amount}) has no committed use of proceeds on record."
                        : "{count} ({amount}) have no committed use of proceeds on record.",
                    [
                        "count": .count(
                            "Bonds without committed uses", withoutUses.count, noun: "sci-tech bond", source: source),
                        "amount": .amount("Their amount", fen: total(withoutUses), source: source),
                    ]))
        ]
    }

    /// `eligibility_not_shown` and `no_financials`: issuers (sci-tech
    /// enterprises; financial institutions and PE/VC aside) whose last three
    /// fiscal years show none of the R&D and patent thresholds, or who have
    /// no financials to check.
    private static func eligibilityNotShown(
        _ bonds: [Bond], snapshot: RegistrySnapshot, scope: String, settings: IntegritySettings
    ) -> [IntegrityFlag] {
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
        var flags: [IntegrityFlag] = []
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
        return flags
    }

    /// `slow_approval`: bonds whose filing took longer than the green channel to register.
    private static func slowApprovals(_ bonds: [Bond], scope: String, settings: IntegritySettings) -> [IntegrityFlag] {
        let slow = bonds.filter { ($0.approvalDays ?? 0) > settings.approvalDaysLimit }
        guard !slow.isEmpty else { return [] }
        return [
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
                    ]))
        ]
    }

    /// `rd_main_use_falling`: the share of bonds whose largest committed use
    /// is R&D, falling from the first counted half-year to the last.
    private static func researchMainUseFalling(
        _ bonds: [Bond], uses: [BondCode: [UseOfProceeds]], settings: IntegritySettings
    ) -> [IntegrityFlag] {
        var halves: [String: (research: Int, all: Int)] = [:]
        for bond in bonds {
            guard let main = uses[bond.code]?.max(by: { ($0.planned, $1.project) < ($1.planned, $0.project) })
            else { continue }
            let half = "\(bond.issueDate.year) H\(bond.issueDate.month <= 6 ? 1 : 2)"
            halves[half, default: (0, 0)].all += 1
            if main.category == .rd { halves[half, default: (0, 0)].research += 1 }
        }
        let counted = halves.filter { $0.value.all >= settings.minimumBondsPerHalf }.sorted { $0.key < $1.key }
        guard let first = counted.first, let last = counted.last, first.key != last.key else { return [] }
        let firstShare = Double(first.value.research) / Double(first.value.all)
        let lastShare = Double(last.value.research) / Double(last.value.all)
        guard firstShare - lastShare > settings.researchShareDrop else { return [] }
        let source = "use_of_proceeds: largest committed use of each sci-tech bond, by half-year of issue"
        return [
            IntegrityFlag(
                id: "rd_main_use_falling", title: "Falling share of bonds with R&D as their main use",
                takeaway: Takeaway(
                    "The share of sci-tech bonds with R&D as their main committed use fell from {first} in \(first.key) ({firstCount} bonds) to {last} in \(last.key) ({lastCount} bonds).",
                    [
                        "first": .percent("R&D-main-use share, \(first.key)", firstShare * 100, source: source),
                        "firstCount": .count("Bonds, \(first.key)", first.value.all, source: source),
                        "last": .percent("R&D-main-use share, \(last.key)", lastShare * 100, source: source),
                        "lastCount": .count("Bonds, \(last.key)", last.value.all, source: source),
                    ]), codes: [])
        ]
    }

    /// The source of the committed-use flags.
    private static func usesSource(_ scope: String) -> String { "use_of_proceeds and bonds: \(scope)" }

    /// The planned amount of the `committed` uses that pass `include`, fen.
    private static func plannedFen(
        _ committed: [UseOfProceeds], where include: (UseOfProceeds) -> Bool
    ) -> Int64 {
        committed.filter(include).reduce(Int64(0)) { $0.addingClamped($1.planned.fen) }
    }

    private static func total(_ bonds: [Bond]) -> Int64 { bonds.reduce(Int64(0)) { $0.addingClamped($1.amount.fen) } }

    private static func flag(_ id: String, _ title: String, _ bonds: [Bond], _ takeaway: Takeaway) -> IntegrityFlag {
        IntegrityFlag(id: id, title: title, takeaway: takeaway, codes: bonds.map(\.code.value))
    }
}
