import FixedIncome
import InnobondModel

/// The demo's bonds and the uses their proceeds were committed to.
///
/// Sci-tech bonds follow the market's calendar in DOMAIN.md: a first wave
/// from February 2025 of 64 bonds by 58 issuers raising RMB 34.4 bn; from the
/// launch of the technology
/// board on 7 May 2025 to 19 June 2025, 334 bonds raising RMB 534.9 bn, 36 of
/// them on the interbank market on 9 May for RMB 21 bn; then a steady flow to
/// November 2026, and about a hundred earlier sci-tech bonds under the 2021
/// and 2022 rules. Conventional bonds of the same issuers, from 2019 on, give
/// the comparison. Coupons are the CGB curve of the issue date plus a credit
/// spread, sci-tech bonds about 17 bp lower than comparable conventional ones.
struct DemoBonds {
    private(set) var bonds: [Bond] = []
    private(set) var proceeds: [UseOfProceeds] = []
    private var usedCodes = Set<String>()
    private var serialByIssuer: [USCC: Int] = [:]
    private let market: DemoMarket
    private let issuers: [Issuer]

    init(issuers: [Issuer], market: DemoMarket) {
        self.issuers = issuers
        self.market = market
    }

    /// The flagship issuer's bond, the first of the first wave.
    static let flagshipBondCode = BondCode("102500166.IB")!

    mutating func build(random: inout DemoRandom) {
        // The flagship issuer has its one bond and no other.
        let others = Array(issuers.dropFirst())
        let nonFinancial = others.filter { $0.sector != .financial && $0.sector != .peVC }
        let financial = others.filter { $0.sector == .financial }

        // The first wave, February to April 2025: the flagship first.
        let wave = Array(nonFinancial.shuffled(using: &random).prefix(57))
        var waveAmounts = (0..<63).map { _ in random.uniform(0.2...0.85) }
        scale(&waveAmounts, toTotal: 34.4 - 1.5)
        addSciTech(
            issuer: issuers[0], date: CivilDate(year: 2025, month: 2, day: 18)!, market: .interbank, billions: 1.5,
            years: 3, regime: .nafmiiNote, random: &random, code: Self.flagshipBondCode,
            uses: [("半导体研发项目", .rd, 0.55), ("晶圆级封装产线建设", .capacity, 0.45)])
        for (index, amount) in waveAmounts.enumerated() {
            let issuer = wave[index % wave.count]
            let date = randomDate(from: (2025, 2, 20), to: (2025, 4, 30), random: &random)
            let venue = random.weighted([(Market.interbank, 0.5), (.shanghai, 0.3), (.shenzhen, 0.2)])
            addSciTech(
                issuer: issuer, date: date, market: venue, billions: amount, years: tenor(&random),
                regime: venue == .interbank ? .nafmiiNote : .exchange2022, random: &random)
        }

        // The technology board: 9 May 2025, 36 interbank bonds for RMB 21 bn.
        let launch = CivilDate(year: 2025, month: 5, day: 9)!
        var batch = (0..<36).map { _ in random.uniform(0.3...0.9) }
        scale(&batch, toTotal: 21)
        let batchIssuers = nonFinancial.shuffled(using: &random)
        for (index, amount) in batch.enumerated() {
            addSciTech(
                issuer: batchIssuers[index], date: launch, market: .interbank,
                billions: amount, years: tenor(&random), regime: .techBoard2025, random: &random)
        }
        // The rest of 7 May – 19 June 2025: 298 bonds for RMB 513.9 bn, the
        // largest from banks and securities firms.
        var large = (0..<18).map { _ in random.uniform(8...30) }
        var rest = (0..<280).map { _ in random.uniform(0.3...1.6) }
        scale(&large, toTotal: 513.9 * 0.55)
        scale(&rest, toTotal: 513.9 - large.reduce(0, +))
        func notLaunchDay(_ date: CivilDate) -> CivilDate { date == launch ? launch.adding(days: 3)! : date }
        for amount in large {
            let date = notLaunchDay(randomDate(from: (2025, 5, 7), to: (2025, 6, 19), random: &random))
            addSciTech(
                issuer: random.element(financial), date: date, market: .interbank, billions: amount,
                years: random.element([3, 5]), regime: .techBoard2025, random: &random, type: .financialBond)
        }
        for amount in rest {
            let date = notLaunchDay(randomDate(from: (2025, 5, 7), to: (2025, 6, 19), random: &random))
            let venue = random.weighted([(Market.interbank, 0.55), (.shanghai, 0.28), (.shenzhen, 0.17)])
            addSciTech(
                issuer: random.element(nonFinancial), date: date, market: venue, billions: amount,
                years: tenor(&random),
                regime: .techBoard2025, random: &random)
        }
        // 20 June 2025 to November 2026: about 40 a month.
        var month = (year: 2025, month: 6)
        while (month.year, month.month) <= (2026, 11) {
            let count = random.integer(30...48)
            for _ in 0..<count {
                let first = month == (2025, 6) ? 20 : 1
                let last = month == (2026, 11) ? 20 : CivilDate.daysInMonth(year: month.year, month: month.month)
                let date = randomDate(
                    from: (month.year, month.month, first), to: (month.year, month.month, last), random: &random)
                let isBank = random.chance(0.06)
                let venue =
                    isBank
                    ? Market.interbank
                    : random.weighted([(Market.interbank, 0.55), (.shanghai, 0.28), (.shenzhen, 0.17)])
                addSciTech(
                    issuer: isBank ? random.element(financial) : random.element(nonFinancial), date: date,
                    market: venue,
                    billions: isBank ? random.uniform(5...20) : random.uniform(0.2...2.5), years: tenor(&random),
                    regime: .techBoard2025, random: &random, type: isBank ? .financialBond : nil)
            }
            month = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
        }
        // Earlier sci-tech bonds: 2017 double-innovation, 2021–2024 notes and exchange bonds.
        for _ in 0..<12 {
            let date = randomDate(from: (2016, 3, 1), to: (2018, 12, 20), random: &random)
            addSciTech(
                issuer: random.element(nonFinancial), date: date, market: random.element([.shanghai, .shenzhen]),
                billions: random.uniform(0.1...0.8), years: random.element([3, 5]), regime: .legacyDoubleInnovation,
                random: &random)
        }
        for _ in 0..<96 {
            // Sci-tech notes from 2021 on the interbank market, exchange bonds from May 2022.
            let venue = random.weighted([(Market.interbank, 0.45), (.shanghai, 0.35), (.shenzhen, 0.2)])
            let date = randomDate(
                from: venue == .interbank ? (2021, 9, 1) : (2022, 5, 20), to: (2025, 1, 24), random: &random)
            addSciTech(
                issuer: random.element(nonFinancial), date: date, market: venue, billions: random.uniform(0.3...2),
                years: tenor(&random), regime: venue == .interbank ? .nafmiiNote : .exchange2022, random: &random)
        }

        // Conventional bonds up to 3,000 in all.
        while bonds.count < 3000 {
            let issuer = random.element(others)
            let date = randomDate(from: (2019, 1, 7), to: (2026, 11, 20), random: &random)
            addConventional(issuer: issuer, date: date, random: &random)
        }
    }

    // MARK: Bonds

    private mutating func addSciTech(
        issuer: Issuer, date: CivilDate, market venue: Market, billions: Double, years: Int, regime: Regime,
        random: inout DemoRandom, code: BondCode? = nil, type: BondType? = nil,
        uses: [(String, ProceedsCategory, Double)]? = nil
    ) {
        let issueDate = nextWorkingDay(date)
        let kind = type ?? (venue == .interbank ? .mtn : .corporateBond)
        let rating = rating(of: issuer, random: &random)
        let putYears = years == 5 && random.chance(0.35) ? 3 : nil
        // About 17 bp cheaper than a comparable conventional bond.
        let coupon = couponPercent(issueDate, years: putYears ?? years, rating: rating, random: &random) - 0.17
        let bond = makeBond(
            code: code ?? newCode(venue, issueDate, &random), issuer: issuer,
            name: bondName(issuer, issueDate, sciTech: true, kind: kind), type: kind, sciTech: true, regime: regime,
            issueDate: issueDate, years: years, putYears: putYears, billions: billions, coupon: coupon,
            venue: venue, rating: rating, approvalDays: random.integer(3...12))
        bonds.append(bond)
        addProceeds(bond, uses: uses, random: &random)
    }

    private mutating func addConventional(issuer: Issuer, date: CivilDate, random: inout DemoRandom) {
        let issueDate = nextWorkingDay(date)
        let venue = random.weighted([(Market.interbank, 0.6), (.shanghai, 0.25), (.shenzhen, 0.15)])
        let paper = venue == .interbank && random.chance(0.12)
        let kind: BondType =
            issuer.sector == .financial
            ? .financialBond
            : paper
                ? .commercialPaper
                : venue == .interbank
                    ? .mtn : random.weighted([(.corporateBond, 0.8), (.enterpriseBond, 0.15), (.abs, 0.05)])
        let years = paper ? 0 : tenor(&random)
        let rating = rating(of: issuer, random: &random)
        let putYears = years == 5 && random.chance(0.35) ? 3 : nil
        let coupon = couponPercent(issueDate, years: paper ? 1 : putYears ?? years, rating: rating, random: &random)
        let billions = issuer.sector == .financial ? random.uniform(3...30) : random.uniform(0.2...3)
        bonds.append(
            makeBond(
                code: newCode(venue, issueDate, &random), issuer: issuer,
                name: bondName(issuer, issueDate, sciTech: false, kind: kind), type: kind, sciTech: false, regime: nil,
                issueDate: issueDate, years: years, putYears: putYears, billions: billions, coupon: coupon,
                venue: venue, rating: rating, approvalDays: random.integer(10...45)))
    }

    private func makeBond(
        code: BondCode, issuer: Issuer, name: String, type: BondType, sciTech: Bool, regime: Regime?,
        issueDate: CivilDate, years: Int, putYears: Int?, billions: Double, coupon: Double, venue: Market,
        rating: Rating, approvalDays: Int
    ) -> Bond {
        // Commercial paper runs 270 days and pays interest at maturity.
        let maturity = years == 0 ? issueDate.adding(days: 270)! : issueDate.adding(months: 12 * years)!
        let put = putYears.flatMap { issueDate.adding(months: 12 * $0) }
        return Bond(
            code: code, uscc: issuer.uscc, name: name, type: type, sciTech: sciTech, regime: regime,
            issueDate: issueDate, maturityDate: maturity,
            amount: Money(fen: Int64((billions * 1e7).rounded()) * 10_000),
            couponRatePercent: (max(0.8, coupon) * 100).rounded() / 100, frequency: years == 0 ? .atMaturity : .annual,
            dayCount: venue == .interbank ? .actualActualICMA : .actual365Fixed, rating: rating, putDate: put,
            couponResetDate: put, approvalDays: approvalDays)
    }

    /// CGB of the issue date and tenor, plus a credit spread by rating and noise.
    private func couponPercent(_ date: CivilDate, years: Int, rating: Rating, random: inout DemoRandom) -> Double {
        let spread: Double
        switch rating.value {
        case "AAA": spread = 0.38
        case "AA+": spread = 0.65
        case "AA": spread = 1.0
        default: spread = 1.5
        }
        return market.government(date, years: Double(max(years, 1))) + spread + 0.12 * random.normal()
    }

    private func rating(of issuer: Issuer, random: inout DemoRandom) -> Rating {
        switch issuer.ownership {
        case .centralSOE: return Rating("AAA")!
        case .localSOE: return Rating(random.weighted([("AAA", 0.55), ("AA+", 0.4), ("AA", 0.05)]))!
        default:
            if issuer.sector == .financial { return Rating("AAA")! }
            return Rating(random.weighted([("AAA", 0.15), ("AA+", 0.45), ("AA", 0.32), ("AA-", 0.08)]))!
        }
    }

    /// A tenor in years: 40 % of three years or less, the rest longer.
    private func tenor(_ random: inout DemoRandom) -> Int {
        random.weighted([(2, 0.08), (3, 0.32), (4, 0.1), (5, 0.42), (7, 0.05), (10, 0.03)])
    }

    private mutating func newCode(_ venue: Market, _ date: CivilDate, _ random: inout DemoRandom) -> BondCode {
        while true {
            let year = date.year % 100
            let text: String
            switch venue {
            case .interbank: text = "1\(String(format2: year))\(random.integer(800_000...999_999)).IB"
            case .shanghai: text = "2\(random.integer(40000...59999)).SH"
            case .shenzhen: text = "1\(random.integer(48000...49999))\(random.integer(0...9)).SZ"
            }
            if usedCodes.insert(text).inserted, let code = BondCode(text) { return code }
        }
    }

    private mutating func bondName(_ issuer: Issuer, _ date: CivilDate, sciTech: Bool, kind: BondType) -> String {
        let short =
            issuer.name.hasPrefix("演示")
            ? String(issuer.name.dropFirst(2).prefix(2))
            : String(issuer.name.prefix(2))
        serialByIssuer[issuer.uscc, default: 0] += 1
        let serial = String(format2: serialByIssuer[issuer.uscc]!)
        let year = String(format2: date.year % 100)
        switch (sciTech, kind) {
        case (true, .financialBond): return "\(year)\(short)科创金融债\(serial)"
        case (true, _): return "\(year)\(short)科创债\(serial)"
        case (false, .mtn): return "\(year)\(short)MTN0\(serial)"
        case (false, .commercialPaper): return "\(year)\(short)SCP0\(serial)"
        case (false, .financialBond): return "\(year)\(short)金融债\(serial)"
        case (false, _): return "\(year)\(short)\(serial)"
        }
    }

    // MARK: Proceeds

    /// One to four committed uses; one bond in six leans on refinancing and
    /// working capital, the "rebranding" the briefings worry about.
    private mutating func addProceeds(
        _ bond: Bond, uses given: [(String, ProceedsCategory, Double)]?, random: inout DemoRandom
    ) {
        var uses = given ?? []
        if uses.isEmpty {
            let rebranded = random.chance(1.0 / 6)
            let count = random.integer(1...4)
            var shares = (0..<count).map { _ in random.uniform(0.5...1.5) }
            let total = shares.reduce(0, +)
            shares = shares.map { $0 / total }
            let committed = random.uniform(0.85...1.0)
            for (index, share) in shares.enumerated() {
                let category: ProceedsCategory =
                    rebranded && index == 0
                    ? random.element([.refinancing, .workingCapital])
                    : random.weighted([
                        (.rd, 0.3), (.capacity, 0.22), (.mna, 0.06), (.equityInvestment, 0.1), (.sciTechFund, 0.08),
                        (.parkInfrastructure, 0.06), (.refinancing, 0.1), (.workingCapital, 0.08),
                    ])
                let adjusted = rebranded && index == 0 ? max(share, 0.45) : share
                uses.append((Self.projectName(category, index), category, adjusted * committed))
            }
            let sum = uses.reduce(0) { $0 + $1.2 }
            if sum > 1 { uses = uses.map { ($0.0, $0.1, $0.2 / sum) } }
        }
        var remaining = bond.amount.fen
        for (index, use) in uses.enumerated() {
            var fen = Int64((Double(bond.amount.fen) * use.2 / 10_000).rounded(.down)) * 10_000
            fen = min(fen, remaining)
            guard fen > 0 else { continue }
            remaining -= fen
            proceeds.append(
                UseOfProceeds(
                    bondCode: bond.code, project: "\(use.0)\(index + 1)", category: use.1, planned: Money(fen: fen)))
        }
    }

    static func projectName(_ category: ProceedsCategory, _ index: Int) -> String {
        switch category {
        case .rd: return "关键技术研发项目"
        case .capacity: return "智能制造产能建设项目"
        case .mna: return "科技企业并购项目"
        case .equityInvestment: return "科技企业股权投资"
        case .sciTechFund: return "科创基金出资"
        case .parkInfrastructure: return "科创园区基础设施"
        case .refinancing: return "偿还有息债务"
        case .workingCapital: return "补充流动资金"
        case .other: return "其他用途"
        }
    }

    // MARK: Dates

    private func randomDate(from start: (Int, Int, Int), to end: (Int, Int, Int), random: inout DemoRandom) -> CivilDate
    {
        let first = CivilDate(year: start.0, month: start.1, day: start.2)!
        let last = CivilDate(year: end.0, month: end.1, day: end.2)!
        return first.adding(days: random.integer(0...first.days(to: last)))!
    }

    private func nextWorkingDay(_ date: CivilDate) -> CivilDate {
        var day = date
        while !DemoMarket.isWorkingDay(day) { day = day.adding(days: 1)! }
        return day
    }

    private func scale(_ values: inout [Double], toTotal total: Double) {
        let sum = values.reduce(0, +)
        values = values.map { $0 * total / sum }
    }
}
