import FixedIncome
import InnobondModel

/// The demo's use-of-proceeds ledger: how each synthetic issuer reports the
/// use of its sci-tech bonds' proceeds. Most behave cleanly (allocated to
/// what they committed within a year, reported every half-year, a valid
/// title); some drift: slow allocation and reports that stop, refinancing
/// and working capital booked against research projects, a change of use
/// away from research, a title that had expired. The flagship issuer has
/// filed nothing: its bond shows what a bond without a ledger looks like.
struct DemoLedger {
    /// How an issuer treats its proceeds.
    enum Behaviour: CaseIterable {
        case clean, slow, disguisedRefinancing, changedUse, expiredTitle
    }

    var allocations: [Allocation] = []
    var balances: [UnallocatedBalance] = []
    var changes: [UseChange] = []
    var evidence: [EligibilityEvidence] = []
    var impacts: [ImpactReport] = []

    /// The share of issuers of each behaviour.
    static let shares: [(Behaviour, Double)] = [
        (.clean, 0.70), (.slow, 0.10), (.disguisedRefinancing, 0.08), (.changedUse, 0.06), (.expiredTitle, 0.06),
    ]

    static func build(
        issuers: [Issuer], bonds: [Bond], proceeds: [UseOfProceeds], through end: CivilDate, random: inout DemoRandom
    ) -> DemoLedger {
        var ledger = DemoLedger()
        let uses = Dictionary(grouping: proceeds, by: \.bondCode)
        var behaviours: [USCC: Behaviour] = [:]
        var firstIssue: [USCC: CivilDate] = [:]
        for bond in bonds where bond.sciTech {
            firstIssue[bond.uscc] = min(firstIssue[bond.uscc] ?? bond.issueDate, bond.issueDate)
        }
        for issuer in issuers where issuer.uscc != DemoIssuers.flagship.uscc {
            let behaviour = random.weighted(shares)
            behaviours[issuer.uscc] = behaviour
            guard let first = firstIssue[issuer.uscc] else { continue }
            ledger.addEvidence(issuer, firstIssue: first, expired: behaviour == .expiredTitle, random: &random)
        }
        for bond in bonds where bond.sciTech && bond.code != DemoBonds.flagshipBondCode {
            guard let behaviour = behaviours[bond.uscc], let committed = uses[bond.code], !committed.isEmpty else {
                continue
            }
            ledger.addLedger(bond, committed.sorted { $0.project < $1.project }, behaviour, end, &random)
        }
        return ledger
    }

    /// A title held since before the issuer's first sci-tech bond, renewed
    /// every three years (as a 高新技术企业 title runs) to the demo's end; an
    /// expired one ended the year before that bond.
    private mutating func addEvidence(
        _ issuer: Issuer, firstIssue: CivilDate, expired: Bool, random: inout DemoRandom
    ) {
        let title: EligibilityEvidence.Title = random.weighted([
            (.highTechEnterprise, 0.6), (.littleGiant, 0.2), (.specialisedSME, 0.1), (.techSME, 0.1),
        ])
        var start = expired ? firstIssue.year - 4 : firstIssue.year - 1
        repeat {
            evidence.append(
                EligibilityEvidence(
                    uscc: issuer.uscc, title: title, certifyingBody: "\(issuer.province) provincial authority (demo)",
                    policyBasis: title == .highTechEnterprise ? "国科发火〔2016〕32号" : "工信部企业函 (demo)",
                    issuedOn: CivilDate(year: start, month: 1, day: 1)!,
                    expiresOn: CivilDate(year: start + 2, month: 12, day: 31)!, sourceTitle: "募集说明书 (demo)"))
            start += 3
        } while !expired && start <= DemoDataSet.asOf.year
    }

    /// The half-year ends after `bond`'s issue, up to `end` and its maturity.
    private static func periods(_ bond: Bond, through end: CivilDate) -> [CivilDate] {
        var dates: [CivilDate] = []
        var year = bond.issueDate.year
        while year <= end.year {
            for date in [CivilDate(year: year, month: 6, day: 30)!, CivilDate(year: year, month: 12, day: 31)!]
            where date > bond.issueDate && date <= end && date < bond.maturityDate {
                dates.append(date)
            }
            year += 1
        }
        return dates
    }

    private mutating func addLedger(
        _ bond: Bond, _ committed: [UseOfProceeds], _ behaviour: Behaviour, _ end: CivilDate,
        _ random: inout DemoRandom
    ) {
        let periods = Self.periods(bond, through: end)
        guard !periods.isEmpty else { return }
        // How much of each use is spent, and over how many reports.
        let spent = behaviour == .slow ? random.uniform(0.25...0.5) : 1
        let reports = behaviour == .slow ? min(periods.count, 1) : min(periods.count, random.integer(1...3))
        let research = committed.first { $0.category.isSciTech }
        var moved: Int64 = 0
        if behaviour == .changedUse, let research, periods.count >= 2 {
            moved =
                Int64((Double(research.planned.fen) * random.uniform(0.2...0.4) / 1_000_000).rounded(.down))
                * 1_000_000
            let approved = random.chance(0.5)
            let date = periods[0].adding(days: random.integer(20...120))!
            if moved > 0, date < end, date < bond.maturityDate {
                changes.append(
                    UseChange(
                        bondCode: bond.code, changeID: "C1", changeDate: date, fromProject: research.project,
                        fromCategory: research.category, toCategory: .workingCapital, amount: Money(fen: moved),
                        resolution: approved ? "\(bond.issueDate.year)年第一次债券持有人会议决议 (demo)" : nil,
                        resolutionDate: approved ? date.adding(days: -5) : nil, reason: "项目进度调整 (demo)",
                        sourceTitle: "关于变更募集资金用途的公告 (demo)"))
            } else {
                moved = 0
            }
        }
        var allocated: Int64 = 0
        // This bond's entries start here.
        let firstEntry = allocations.count
        var entry = 0
        for (index, period) in periods.prefix(reports).enumerated() {
            for use in committed {
                let target = Int64((Double(use.planned.fen) * spent / 10_000).rounded(.down)) * 10_000
                let share = target / Int64(reports)
                let amount = index == reports - 1 ? target - share * Int64(reports - 1) : share
                guard amount > 0 else { continue }
                entry += 1
                var category = use.category
                // Research projects that pay for refinancing and working capital.
                if behaviour == .disguisedRefinancing, use.category.isSciTech, random.chance(0.7) {
                    category = random.element([.refinancing, .workingCapital])
                }
                // After a change of use, the moved money goes to working capital.
                if moved > 0, use.project == research?.project, index == reports - 1 {
                    allocations.append(
                        Self.entry(bond, entry, period, use.project, .workingCapital, min(moved, amount)))
                    allocated += min(moved, amount)
                    entry += 1
                    if amount > moved {
                        allocations.append(Self.entry(bond, entry, period, use.project, category, amount - moved))
                        allocated += amount - moved
                    }
                    continue
                }
                allocations.append(Self.entry(bond, entry, period, use.project, category, amount))
                allocated += amount
            }
            balances.append(
                UnallocatedBalance(
                    bondCode: bond.code, reportDate: period, balance: Money(fen: bond.amount.fen - allocated),
                    deposits: Money(fen: bond.amount.fen - allocated), sourceTitle: "募集资金使用情况报告 (demo)"))
        }
        // Clean issuers keep reporting the balance each half-year.
        if behaviour != .slow {
            for period in periods.dropFirst(reports) {
                balances.append(
                    UnallocatedBalance(
                        bondCode: bond.code, reportDate: period, balance: Money(fen: bond.amount.fen - allocated),
                        deposits: Money(fen: bond.amount.fen - allocated), sourceTitle: "募集资金使用情况报告 (demo)"))
            }
        }
        if let research, research.category == .rd, let last = periods.last, behaviour != .slow {
            impacts.append(
                ImpactReport(
                    bondCode: bond.code, periodEnd: last, kpi: .patentsFiled, value: Double(random.integer(2...40)),
                    unit: "count", sourceTitle: "存续期信息披露报告 (demo)"))
            impacts.append(
                ImpactReport(
                    bondCode: bond.code, periodEnd: last, kpi: .rdSpendingFinanced,
                    value: Double(
                        allocations[firstEntry...].filter { $0.category == .rd }
                            .reduce(Int64(0)) { $0 + $1.amount.fen }) / 100,
                    unit: "CNY", sourceTitle: "存续期信息披露报告 (demo)"))
        }
    }

    private static func entry(
        _ bond: Bond, _ number: Int, _ date: CivilDate, _ project: String, _ category: ProceedsCategory,
        _ fen: Int64
    ) -> Allocation {
        Allocation(
            bondCode: bond.code, entry: "\(date.iso8601)/\(number)", reportDate: date,
            project: project, category: category, amount: Money(fen: fen),
            sourceTitle: "募集资金使用情况报告 \(date) (demo)")
    }
}
