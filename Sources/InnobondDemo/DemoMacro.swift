import FixedIncome
import InnobondModel
import RealModule

/// Money and credit series for the demo: monthly M0, M1 (the 2001 and the
/// 2025 definitions), M2 and aggregate financing from January 2022, quarterly
/// loans to technology firms, each value with its publication date.
///
/// The figures of DOMAIN.md are exact: M2 RMB 320.52 trn +7.0 % and M1
/// 109.44 trn +0.1 % in February 2025; M2 326.06 trn +7.0 % and M1 113.49 trn
/// +1.6 % in March 2025; the M1 level of January 2024 at 63.3 trn under the
/// old definition and 105.1 trn under the new one (published with the
/// January 2025 data); tech SME loans 3.63 trn +19.8 % and high-tech
/// enterprise loans 18.61 trn +7.5 % at the end of 2025. The growth rates of
/// 2023 and 2024 Q1 reproduce the founding briefing's table: an M2–M1 gap
/// averaging 4.8 pp in 2023 and 4.6 pp in 2024 Q1 (within 4.5–4.7 pp for the
/// ten months to March 2024), TSF growth averaging 9.7 % and 9.5 %, tech loan
/// growth 15.2 % and 16.1 %. Other months are synthetic.
enum DemoMacro {
    /// Year-on-year growth of M2 in percent, January 2022 to September 2026.
    static let m2Growth: [Double] = [
        9.8, 9.2, 9.7, 10.5, 11.1, 11.4, 12.0, 12.2, 12.1, 11.8, 12.4, 11.8,
        12.6, 12.9, 12.7, 12.4, 11.6, 11.3, 10.7, 10.6, 10.3, 10.3, 10.0, 9.7,
        8.7, 8.7, 8.3, 7.2, 7.0, 6.2, 6.3, 6.3, 6.8, 7.5, 7.1, 7.3,
        7.0, 7.0, 7.0, 8.0, 7.9, 8.3, 8.8, 8.8, 8.4, 8.2, 8.0, 8.1,
        8.0, 7.9, 7.8, 7.9, 8.0, 8.1, 8.0, 7.9, 7.8,
    ]

    /// M2 growth minus M1 growth (2001 definition) in percentage points,
    /// January 2022 to December 2024.
    static let oldDefinitionGap: [Double] = [
        7.0, 4.5, 4.6, 5.4, 6.5, 5.6, 5.3, 6.1, 5.7, 6.0, 7.8, 8.1,
        5.6, 5.2, 5.0, 4.7, 4.9, 4.6, 4.6, 4.6, 4.6, 4.5, 4.6, 4.7,
        4.6, 4.5, 4.7, 5.8, 6.9, 7.8, 8.9, 9.6, 10.2, 9.6, 8.8, 8.1,
    ]

    /// Growth of M1 under the 2025 definition, January 2025 to September 2026.
    static let newDefinitionGrowth: [Double] = [
        0.4, 0.1, 1.6, 1.5, 2.3, 4.6, 5.6, 6.0, 7.2, 6.2, 4.9, 3.8,
        4.2, 4.5, 4.8, 5.0, 5.1, 5.3, 5.2, 5.0, 4.9,
    ]

    /// M2 levels in 2025, RMB trillion (February and March as published).
    static let m2Levels2025: [Double] = [
        318.52, 320.52, 326.06, 325.17, 325.78, 330.29, 329.94, 331.98, 335.38, 335.13, 336.99, 340.29,
    ]

    /// M1 levels under the 2025 definition in 2025, RMB trillion.
    static let m1Levels2025: [Double] = [
        105.52, 109.44, 113.49, 110.65, 108.91, 113.95, 111.06, 111.23, 113.15, 112.0, 112.6, 115.5,
    ]

    /// M1 levels under the 2001 definition in 2023, RMB trillion.
    static let m1Levels2023: [Double] = [60.81, 61.6, 67.9, 66.3, 67.5, 69.5, 67.4, 67.3, 67.9, 67.1, 67.9, 68.1]

    /// Growth of the stock of aggregate financing to the real economy, January 2022 to September 2026.
    static let tsfGrowth: [Double] = [
        10.5, 10.2, 10.6, 10.2, 10.5, 10.8, 10.7, 10.5, 10.6, 10.3, 10.0, 9.6,
        9.8, 9.9, 10.0, 10.0, 9.8, 9.6, 9.5, 9.5, 9.6, 9.6, 9.5, 9.6,
        9.6, 9.5, 9.4, 8.9, 8.4, 8.1, 8.2, 8.1, 8.0, 7.8, 7.8, 8.0,
        8.0, 8.2, 8.4, 8.7, 8.7, 8.9, 9.0, 8.8, 8.7, 8.5, 8.5, 8.3,
        8.2, 8.1, 8.0, 8.0, 7.9, 7.9, 7.8, 7.8, 7.7,
    ]

    /// Growth of M0, January 2022 to September 2026.
    static let m0Growth: [Double] = [
        18.5, 5.8, 9.9, 11.5, 13.5, 13.8, 13.9, 14.3, 13.6, 14.3, 14.1, 15.3,
        7.9, 10.6, 11.0, 10.7, 9.6, 9.8, 9.9, 9.5, 10.7, 10.5, 10.4, 8.3,
        5.9, 12.5, 11.0, 10.8, 11.7, 11.7, 12.0, 12.2, 11.5, 12.8, 12.7, 13.0,
        17.2, 9.7, 11.5, 12.0, 12.1, 12.0, 11.8, 11.7, 11.5, 11.0, 10.6, 10.2,
        10.0, 9.9, 9.7, 9.6, 9.5, 9.4, 9.3, 9.2, 9.1,
    ]

    /// Growth of loans to technology firms as the founding briefing reports
    /// them, 2022 Q1 to 2026 Q3.
    static let techLoanGrowth: [Double] = [
        13.8, 14.0, 14.3, 14.4, 14.6, 15.0, 15.4, 15.8, 16.1, 16.3, 16.0, 15.6, 15.2, 14.8, 14.9, 15.1, 15.0, 14.7,
        14.6,
    ]

    /// Growth of tech SME loans, 2022 Q1 to 2026 Q3 (2025 Q4 as published).
    static let techSMELoanGrowth: [Double] = [
        24.3, 23.8, 24.1, 25.3, 25.1, 22.9, 21.9, 21.2, 20.3, 20.1, 19.5, 19.3, 19.0, 18.9, 19.3, 19.8, 19.2, 18.6,
        18.1,
    ]

    /// Growth of high-tech enterprise loans, 2022 Q1 to 2026 Q3 (2025 Q4 as published).
    static let highTechLoanGrowth: [Double] = [
        17.5, 16.8, 16.1, 15.6, 14.9, 13.6, 12.9, 12.4, 11.8, 10.3, 9.2, 8.6, 8.1, 7.8, 7.6, 7.5, 7.4, 7.2, 7.0,
    ]

    static func observations() -> [MacroObservation] {
        var rows: [MacroObservation] = []
        let months = (0..<m2Growth.count).map { MacroPeriod.month(2022 + $0 / 12, $0 % 12 + 1) }

        // M2: 2025 levels as published; earlier years from them and the growth rates.
        var m2 = [Double](repeating: 0, count: months.count)
        for index in 36..<48 { m2[index] = m2Levels2025[index - 36] }
        for index in stride(from: 35, through: 0, by: -1) {
            m2[index] = m2[index + 12] / (1 + m2Growth[index + 12] / 100)
        }
        for index in 48..<months.count { m2[index] = m2[index - 12] * (1 + m2Growth[index] / 100) }
        for (index, period) in months.enumerated() {
            rows.append(value("M2", period, m2[index], m2Growth[index], "M2_2001"))
        }

        // M1, 2001 definition, to December 2024: 2023 levels given, the rest from growth.
        var m1Old = [Double](repeating: 0, count: 36)
        for index in 12..<24 { m1Old[index] = m1Levels2023[index - 12] }
        for index in 0..<12 {
            m1Old[index] = m1Old[index + 12] / (1 + (m2Growth[index + 12] - oldDefinitionGap[index + 12]) / 100)
        }
        for index in 24..<36 {
            m1Old[index] = m1Old[index - 12] * (1 + (m2Growth[index] - oldDefinitionGap[index]) / 100)
        }
        for index in 0..<36 {
            rows.append(value("M1", months[index], m1Old[index], m2Growth[index] - oldDefinitionGap[index], "M1_2001"))
        }

        // M1, 2025 definition: 2025 on with growth; 2024 revised back, levels
        // only, published with the January 2025 data.
        var m1New = [Double](repeating: 0, count: months.count)
        for index in 36..<48 { m1New[index] = m1Levels2025[index - 36] }
        for index in 24..<36 { m1New[index] = m1New[index + 12] / (1 + newDefinitionGrowth[index - 24] / 100) }
        m1New[24] = 105.1
        for index in 48..<months.count {
            m1New[index] = m1New[index - 12] * (1 + newDefinitionGrowth[index - 36] / 100)
        }
        let revision = CivilDate(year: 2025, month: 2, day: 14)!
        for index in 24..<36 {
            rows.append(
                MacroObservation(
                    series: "M1", period: months[index], value: round2(m1New[index]), yoyPercent: nil, unit: "CNY_trn",
                    definition: "M1_2025", published: revision))
        }
        for index in 36..<months.count {
            rows.append(value("M1", months[index], m1New[index], newDefinitionGrowth[index - 36], "M1_2025"))
        }

        // M0 and the stock of aggregate financing.
        var m0 = [Double](repeating: 0, count: months.count)
        var tsf = [Double](repeating: 0, count: months.count)
        for index in 0..<12 {
            m0[index] = 9.6 + 0.2 * Double(index % 12) + (index == 0 ? 0.8 : 0)
            tsf[index] = 320 + 1.6 * Double(index)
        }
        for index in 12..<months.count {
            m0[index] = m0[index - 12] * (1 + m0Growth[index] / 100)
            tsf[index] = tsf[index - 12] * (1 + tsfGrowth[index] / 100)
        }
        for (index, period) in months.enumerated() {
            rows.append(value("M0", period, m0[index], m0Growth[index], "M0_2001"))
            rows.append(value("TSF_stock", period, tsf[index], tsfGrowth[index], "TSF_2019"))
        }
        // One revised vintage: December 2024 financing, revised a month later.
        if let december = rows.lastIndex(where: { $0.series == "TSF_stock" && $0.period == .month(2024, 12) }) {
            var revised = rows[december]
            revised.value = revised.value.map { round2($0 + 0.37) }
            revised.published = CivilDate(year: 2025, month: 2, day: 14)!
            rows.append(revised)
        }

        // Quarterly loans.
        let quarters = (0..<techLoanGrowth.count).map { MacroPeriod.quarter(2022 + $0 / 4, $0 % 4 + 1) }
        func quarterly(_ series: String, _ growth: [Double], _ definition: String, anchor: (index: Int, level: Double))
        {
            // The anchor's year grows evenly; earlier and later years follow the growth rates.
            var levels = [Double](repeating: 0, count: quarters.count)
            for back in 0..<4 {
                levels[anchor.index - back] =
                    anchor.level / Double.pow(1 + growth[anchor.index] / 100, Double(back) / 4)
            }
            for index in stride(from: anchor.index - 4, through: 0, by: -1) {
                levels[index] = levels[index + 4] / (1 + growth[index + 4] / 100)
            }
            for index in (anchor.index + 1)..<quarters.count {
                levels[index] = levels[index - 4] * (1 + growth[index] / 100)
            }
            for (index, period) in quarters.enumerated() {
                rows.append(
                    MacroObservation(
                        series: series, period: period, value: round2(levels[index]), yoyPercent: growth[index],
                        unit: "CNY_trn", definition: definition, published: quarterPublication(period)))
            }
        }
        quarterly("tech_loans", techLoanGrowth, "tech_loans_2022", anchor: (7, 25.4))
        quarterly("tech_sme_loans", techSMELoanGrowth, "tech_sme_loans_2023", anchor: (15, 3.63))
        quarterly("high_tech_enterprise_loans", highTechLoanGrowth, "high_tech_loans_2023", anchor: (15, 18.61))
        return rows
    }

    private static func value(
        _ series: String, _ period: MacroPeriod, _ level: Double, _ growth: Double, _ definition: String
    )
        -> MacroObservation
    {
        MacroObservation(
            series: series, period: period, value: round2(level), yoyPercent: (growth * 10).rounded() / 10,
            unit: "CNY_trn", definition: definition, published: monthPublication(period))
    }

    /// Money and credit data for a month come out around the 13th of the next.
    static func monthPublication(_ period: MacroPeriod) -> CivilDate {
        let month = period.index == 12 ? 1 : period.index + 1
        return CivilDate(year: period.index == 12 ? period.year + 1 : period.year, month: month, day: 13)!
    }

    /// Quarterly loan figures come out late in the month after the quarter.
    static func quarterPublication(_ period: MacroPeriod) -> CivilDate {
        let month = period.index == 4 ? 1 : 3 * period.index + 1
        return CivilDate(year: period.index == 4 ? period.year + 1 : period.year, month: month, day: 27)!
    }

    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
