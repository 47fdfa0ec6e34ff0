/// Numbers as briefings print them: fixed decimals, thousands grouped,
/// no locale, no `-0`.
public enum NumberText {
    /// `value` rounded half away from zero to `places` decimals:
    /// `fixed(4.75, 1)` is `4.8`, `fixed(-0.04, 1)` is `0.0`.
    public static func fixed(_ value: Double, _ places: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // Round the decimal shown, not the binary value: 4.75 * 10 is exactly 47.5.
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let divisor = Int64(scale)
        let whole = units / divisor
        var text = grouped ? group(whole) : String(whole)
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return negative ? "−" + text : text
    }

    /// With an explicit sign: `+51`, `−17`, `0`.
    public static func signed(_ value: Double, _ places: Int) -> String {
        let text = fixed(value, places)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }

    /// A count with its noun, singular for one: `1 bond`, `3,001 bonds`.
    public static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        group(Int64(value)) + " " + (value == 1 ? noun : plural ?? noun + "s")
    }

    /// An integer with thousands separated by commas: `1,234,567`.
    public static func group(_ value: Int64) -> String {
        let digits = Array(String(value.magnitude))
        var result = value < 0 ? "−" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// An amount in fen as `RMB 34.4 bn` (billions of yuan, one decimal).
    public static func yuanBillions(fen: Int64) -> String {
        "RMB " + fixed(Double(fen) / 1e11, 1, grouped: true) + " bn"
    }
}
