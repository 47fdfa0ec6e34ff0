/// A migration both stores apply: the spellings that imports make canonical,
/// applied to rows stored before they did. Bond and listing codes in
/// capitals; provinces as the registry spells them; curve tenors in their
/// largest exact unit (12M is 1Y, 14D is 2W). Where several stored spellings
/// become one key, the row of the smallest code in byte order (the
/// capitalised one, when stored) or of the canonical tenor is kept, and the
/// others' remaining quotes and uses move to it. Like every migration it
/// never changes once shipped: its spellings are written out here, not read
/// from the model.
public enum SpellingMigration {
    public static let version = "v3: canonical spellings"

    /// Statements separated by `;` and a new line, in `dialect`.
    public static func sql(_ dialect: SQLDialect) -> String {
        // Byte order and ASCII capitals whatever PostgreSQL's locale.
        func code(_ column: String) -> String { dialect == .postgres ? "(\(column) COLLATE \"C\")" : column }
        func upper(_ column: String) -> String { "upper(\(code(column)))" }
        let provinces = [
            "Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi", "Guizhou", "Hainan", "Hebei",
            "Heilongjiang", "Henan", "Hong Kong", "Hubei", "Hunan", "Inner Mongolia", "Jiangsu", "Jiangxi", "Jilin",
            "Liaoning", "Macau", "Ningxia", "Qinghai", "Shaanxi", "Shandong", "Shanghai", "Shanxi", "Sichuan",
            "Taiwan", "Tianjin", "Tibet", "Xinjiang", "Yunnan", "Zhejiang",
        ].map { ($0.lowercased(), $0) }
        let variants = [
            ("neimenggu", "Inner Mongolia"), ("nei mongol", "Inner Mongolia"), ("xizang", "Tibet"),
            ("xianggang", "Hong Kong"), ("hongkong", "Hong Kong"), ("aomen", "Macau"), ("macao", "Macau"),
        ]
        let cases = (provinces + variants).map { "WHEN '\($0.0)' THEN '\($0.1)'" }.joined(separator: " ")
        let known = (provinces + variants).map { "'\($0.0)'" }.joined(separator: ", ")
        let bondColumns =
            "uscc, name, type, sci_tech, regime, issue_date, maturity_date, amount_fen, coupon_rate, frequency, "
            + "day_count, rating, put_date, coupon_reset_date, approval_days"
        var statements = [
            "UPDATE issuers SET province = CASE lower(province) \(cases) END WHERE lower(province) IN (\(known))",
            "UPDATE issuers SET listed_code = \(upper("listed_code")) WHERE listed_code <> \(upper("listed_code"))",
        ]
        // Children first: of rows that would share a key, the smallest code's stays.
        for (table, keys) in [("quotes", ["date", "source"]), ("use_of_proceeds", ["project"])] {
            let sameKey = keys.map { "o.\($0) = \(table).\($0)" }.joined(separator: " AND ")
            statements.append(
                "DELETE FROM \(table) WHERE bond_code <> \(upper("bond_code")) AND EXISTS (SELECT 1 FROM \(table) AS o "
                    + "WHERE \(upper("o.bond_code")) = \(upper("\(table).bond_code")) "
                    + "AND \(code("o.bond_code")) < \(code("\(table).bond_code")) AND \(sameKey))")
        }
        statements += [
            "INSERT INTO bonds (code, \(bondColumns)) SELECT \(upper("b.code")), \(bondColumns) FROM bonds AS b "
                + "WHERE b.code <> \(upper("b.code")) AND NOT EXISTS (SELECT 1 FROM bonds AS o "
                + "WHERE \(upper("o.code")) = \(upper("b.code")) AND \(code("o.code")) < \(code("b.code")))",
            "UPDATE quotes SET bond_code = \(upper("bond_code")) WHERE bond_code <> \(upper("bond_code"))",
            "UPDATE use_of_proceeds SET bond_code = \(upper("bond_code")) WHERE bond_code <> \(upper("bond_code"))",
            "DELETE FROM bonds WHERE code <> \(upper("code"))",
        ]
        // Tenors: 12M as 1Y, 14D as 2W; a stored canonical twin stays.
        for (unit, canonicalUnit, factor) in [("M", "Y", 12), ("D", "W", 7)] {
            let count = "CAST(substr(tenor, 1, length(tenor) - 1) AS INTEGER)"
            let whole = "tenor LIKE '%\(unit)' AND \(count) % \(factor) = 0"
            let canonical = "CAST(\(count) / \(factor) AS TEXT) || '\(canonicalUnit)'"
            statements += [
                "DELETE FROM curve_points WHERE \(whole) AND EXISTS (SELECT 1 FROM curve_points AS o "
                    + "WHERE o.curve = curve_points.curve AND o.date = curve_points.date AND o.tenor = "
                    + canonical.replacingOccurrences(of: "tenor", with: "curve_points.tenor") + ")",
                "UPDATE curve_points SET tenor = \(canonical) WHERE \(whole)",
            ]
        }
        return statements.joined(separator: ";\n")
    }
}
