/// The province-level regions of China in pinyin, as the registry spells
/// them: 22 provinces, 5 autonomous regions, 4 municipalities and 2 special
/// administrative regions, and Taiwan.
public enum Province {
    /// The registry's spellings.
    public static let names = [
        "Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi", "Guizhou", "Hainan", "Hebei",
        "Heilongjiang", "Henan", "Hong Kong", "Hubei", "Hunan", "Inner Mongolia", "Jiangsu", "Jiangxi", "Jilin",
        "Liaoning", "Macau", "Ningxia", "Qinghai", "Shaanxi", "Shandong", "Shanghai", "Shanxi", "Sichuan", "Taiwan",
        "Tianjin", "Tibet", "Xinjiang", "Yunnan", "Zhejiang",
    ]

    /// Other spellings in use, by the registry's: pinyin proper for the
    /// regions known in English by other names.
    static let variants = [
        "neimenggu": "Inner Mongolia", "nei mongol": "Inner Mongolia", "xizang": "Tibet",
        "xianggang": "Hong Kong", "hongkong": "Hong Kong", "aomen": "Macau", "macao": "Macau",
    ]

    /// The registry's spelling of `text`, matched in any case; `nil` when it
    /// names no province-level region.
    public static func canonical(_ text: String) -> String? {
        let key = text.lowercased()
        return names.first { $0.lowercased() == key } ?? variants[key]
    }
}
