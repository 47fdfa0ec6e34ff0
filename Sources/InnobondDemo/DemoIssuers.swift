import FixedIncome
import InnobondModel

/// The demo's issuers: 421 synthetic companies whose names say they are
/// demo data ("演示…" / "Demo …"), with valid unified social credit codes
/// and three years of financials each. No real company is among them: a real
/// entity carries only its published facts, and a registry row needs more
/// (a credit code, a coupon, a tenor) than the briefings publish.
enum DemoIssuers {
    /// Province, its administrative division code, and its weight.
    static let provinces: [(String, String, Double)] = [
        ("Beijing", "110000", 14), ("Shanghai", "310000", 12), ("Guangdong", "440300", 14), ("Jiangsu", "320000", 12),
        ("Zhejiang", "330000", 10), ("Shandong", "370000", 6), ("Sichuan", "510000", 5), ("Hubei", "420000", 5),
        ("Anhui", "340000", 5), ("Fujian", "350000", 3), ("Shaanxi", "610000", 3), ("Hunan", "430000", 3),
        ("Tianjin", "120000", 2), ("Chongqing", "500000", 2), ("Henan", "410000", 2), ("Liaoning", "210000", 2),
    ]

    /// How many synthetic issuers each sector has, its Chinese and English
    /// nouns, and its R&D intensity range.
    static let sectors: [(Sector, Int, String, String, ClosedRange<Double>)] = [
        (.semiconductors, 60, "半导体", "Semiconductor", 0.08...0.18),
        (.aiSoftware, 60, "智能软件", "Intelligent Software", 0.10...0.25),
        (.advancedManufacturing, 70, "智能装备", "Intelligent Equipment", 0.04...0.09),
        (.nevBatteries, 40, "新能源汽车", "New Energy Vehicle", 0.04...0.07),
        (.quantumCommunications, 20, "量子通信", "Quantum Communications", 0.10...0.20),
        (.biotechHealth, 45, "生物医药", "Biopharma", 0.08...0.20),
        (.aerospace, 20, "航天科技", "Aerospace Technology", 0.05...0.10),
        (.newMaterials, 35, "新材料", "New Materials", 0.03...0.07),
        (.newEnergy, 35, "新能源", "New Energy", 0.03...0.06),
        (.financial, 20, "银行", "Bank", 0.002...0.01),
        (.peVC, 15, "创业投资", "Venture Capital", 0.0...0.0),
    ]

    static let syllables = [
        ("华", "Hua"), ("芯", "Xin"), ("中", "Zhong"), ("科", "Ke"), ("天", "Tian"), ("明", "Ming"), ("东", "Dong"),
        ("瑞", "Rui"), ("海", "Hai"), ("创", "Chuang"), ("联", "Lian"), ("达", "Da"), ("博", "Bo"), ("晶", "Jing"),
        ("光", "Guang"), ("宇", "Yu"), ("安", "An"), ("金", "Jin"), ("新", "Xin"), ("泰", "Tai"), ("智", "Zhi"),
        ("微", "Wei"), ("远", "Yuan"), ("恒", "Heng"),
    ]

    /// The first issuer of the first wave, a semiconductor company of
    /// Zhejiang: the demo's example of a sci-tech bond whose issuer has filed
    /// no use-of-proceeds report.
    static let flagship = Issuer(
        uscc: USCC.completing("91330400MA2DEMO01".replacingOccurrences("O", "0"))!, name: "演示旗舰半导体股份有限公司",
        nameEnglish: "Demo Flagship Semiconductor Co., Ltd.", sector: .semiconductors, province: "Zhejiang",
        ownership: .privateOwned, listedCode: nil)

    static func build(random: inout DemoRandom) -> (issuers: [Issuer], financials: [IssuerFinancials]) {
        var issuers = [flagship]
        var financials = financialsFor(flagship, intensity: 0.09, revenueBillions: 58, random: &random)
        var serial = 0
        for (sector, count, chinese, english, intensity) in sectors {
            for index in 0..<count {
                serial += 1
                let (province, division, _) = random.weighted(provinces.map { ($0, $0.2) })
                let first = random.element(syllables)
                let second = random.element(syllables)
                let ownership: Ownership =
                    sector == .financial
                    ? random.weighted([(.centralSOE, 4), (.localSOE, 5), (.mixed, 1)])
                    : random.weighted([
                        (.centralSOE, 1.5), (.localSOE, 3.5), (.privateOwned, 4), (.mixed, 0.8), (.foreign, 0.2),
                    ])
                let suffix = String(format2: index + 1)
                let name =
                    sector == .financial
                    ? "演示\(first.0)\(second.0)\(chinese)股份有限公司\(suffix)"
                    : "演示\(first.0)\(second.0)\(chinese)股份有限公司\(suffix)"
                let nameEnglish = "Demo \(first.1)\(second.1.lowercased()) \(english) Co., Ltd. \(suffix)"
                let organization = "MA" + String((0..<7).map { _ in random.element(USCC.alphabet) })
                guard let uscc = USCC.completing("91" + division + organization) else { continue }
                let listed =
                    random.chance(ownership == .privateOwned ? 0.45 : 0.3)
                    ? (random.chance(0.55)
                        ? "6\(random.integer(10000...89999)).SH" : "30\(random.integer(1000...9999)).SZ")
                    : nil
                let issuer = Issuer(
                    uscc: uscc, name: name, nameEnglish: nameEnglish, sector: sector, province: province,
                    ownership: ownership, listedCode: listed)
                issuers.append(issuer)
                let scale: Double
                switch (sector, ownership) {
                case (.financial, _): scale = random.uniform(30...600)
                case (.peVC, _): scale = random.uniform(0.5...8)
                case (_, .centralSOE): scale = random.uniform(20...300)
                case (_, .localSOE): scale = random.uniform(5...80)
                default: scale = random.uniform(0.8...40)
                }
                financials += financialsFor(
                    issuer, intensity: random.uniform(intensity), revenueBillions: scale, random: &random)
            }
        }
        _ = serial
        return (issuers, financials)
    }

    /// Revenue and R&D for 2022–2024, growing 0–25 % a year.
    static func financialsFor(_ issuer: Issuer, intensity: Double, revenueBillions: Double, random: inout DemoRandom)
        -> [IssuerFinancials]
    {
        var revenue = revenueBillions * 1e9
        var rows: [IssuerFinancials] = []
        for year in 2022...2024 {
            let yearIntensity = max(0, intensity * random.uniform(0.85...1.15))
            let patents = Int(yearIntensity * revenue / 1e9 * random.uniform(15...60))
            rows.append(
                IssuerFinancials(
                    uscc: issuer.uscc, year: year, revenue: Money(fen: Int64(revenue.rounded()) * 100),
                    researchSpend: Money(fen: Int64((revenue * yearIntensity).rounded()) * 100),
                    inventionPatents: issuer.sector == .financial || issuer.sector == .peVC ? nil : patents))
            revenue *= random.uniform(1.0...1.25)
        }
        return rows
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }

    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
