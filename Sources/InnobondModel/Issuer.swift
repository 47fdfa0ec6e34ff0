/// A company that issues bonds (key: `uscc`).
public struct Issuer: RegistryRecord {
    public var uscc: USCC
    /// Registered name.
    public var name: String
    /// English name, if known.
    public var nameEnglish: String?
    public var sector: Sector
    /// Province-level region in pinyin (`Jiangsu`, `Beijing`).
    public var province: String
    public var ownership: Ownership
    /// Equity listing code (`600745.SH`), if listed.
    public var listedCode: String?

    public init(
        uscc: USCC, name: String, nameEnglish: String? = nil, sector: Sector, province: String,
        ownership: Ownership, listedCode: String? = nil
    ) {
        self.uscc = uscc
        self.name = name
        self.nameEnglish = nameEnglish
        self.sector = sector
        self.province = province
        self.ownership = ownership
        self.listedCode = listedCode
    }

    public static let declaration = RecordDeclaration(
        .issuers, table: "issuers", key: ["uscc"], writer: .admin,
        summary: "Companies that issue bonds, by unified social credit code")
    public static let columns = [
        Column("uscc", required: true), Column("name", required: true), Column("name_en", required: false),
        Column("sector", required: true), Column("province", required: true), Column("ownership", required: true),
        Column("listed_code", required: false),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let uscc = fields.uscc("uscc")
        let name = fields.text("name", required: true)
        let nameEnglish = fields.text("name_en", required: false)
        let sector: Sector? = fields.choice("sector", required: true)
        var province = fields.text("province", required: true)
        let ownership: Ownership? = fields.choice("ownership", required: true)
        var listedCode = fields.text("listed_code", required: false)
        if let text = province {
            province = Province.canonical(text)
            if province == nil {
                fields.report("province", "not a province-level region in pinyin, e.g. Jiangsu: '\(text)'")
            }
        }
        if let text = listedCode {
            // In any case, kept in capitals as bond codes are.
            listedCode = capitalizedMarketCode(text, stem: 1...10, suffix: 1...4)
            if listedCode == nil {
                fields.report("listed_code", "not an equity code with its exchange, e.g. 600745.SH: '\(text)'")
            }
        }
        try fields.finish()
        self.init(
            uscc: uscc!, name: name!, nameEnglish: nameEnglish, sector: sector!, province: province!,
            ownership: ownership!, listedCode: listedCode)
    }

    public var fieldTexts: [String?] {
        [uscc.value, name, nameEnglish, sector.rawValue, province, ownership.rawValue, listedCode]
    }
}

extension FieldReader {
    /// A unified social credit code, check character verified.
    mutating func uscc(_ column: String) -> USCC? {
        guard let text = text(column, required: true) else { return nil }
        do {
            return try USCC(text)
        } catch {
            report(column, "not a unified social credit code (\(error.description)): '\(text)'")
            return nil
        }
    }
}
