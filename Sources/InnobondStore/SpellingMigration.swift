/// A migration both stores apply, in SQL both understand: the spellings that
/// imports make canonical, applied to rows stored before they did. Bond and
/// listing codes in capitals (a code in lower case and its capitalised twin
/// become one bond, the twin's rows winning); provinces as the registry
/// spells them. Like every migration it never changes once shipped: its
/// spellings are written out here, not read from the model.
public enum SpellingMigration {
    public static let version = "v3: canonical spellings"

    /// Statements separated by `;` and a new line.
    public static let sql: String = {
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
        return """
            UPDATE issuers SET province = CASE lower(province) \(cases) END WHERE lower(province) IN (\(known));
            UPDATE issuers SET listed_code = upper(listed_code) WHERE listed_code <> upper(listed_code);
            DELETE FROM quotes WHERE bond_code <> upper(bond_code) AND EXISTS (SELECT 1 FROM quotes AS q
                WHERE q.bond_code = upper(quotes.bond_code) AND q.date = quotes.date AND q.source = quotes.source);
            DELETE FROM use_of_proceeds WHERE bond_code <> upper(bond_code) AND EXISTS (SELECT 1 FROM use_of_proceeds AS u
                WHERE u.bond_code = upper(use_of_proceeds.bond_code) AND u.project = use_of_proceeds.project);
            INSERT INTO bonds (code, \(bondColumns)) SELECT upper(code), \(bondColumns) FROM bonds
                WHERE code <> upper(code) ON CONFLICT (code) DO NOTHING;
            UPDATE quotes SET bond_code = upper(bond_code) WHERE bond_code <> upper(bond_code);
            UPDATE use_of_proceeds SET bond_code = upper(bond_code) WHERE bond_code <> upper(bond_code);
            DELETE FROM bonds WHERE code <> upper(code)
            """
    }()
}
