/// A number a sentence states, with where it came from.
public struct Figure: Sendable, Hashable, Codable {
    /// The unit of ``value``.
    public enum Unit: String, Sendable, Hashable, Codable {
        case percent
        case percentagePoints = "pp"
        case basisPoints = "bp"
        /// Yuan.
        case yuan = "CNY"
        case usdBillions = "USD_bn"
        case count
        case years
    }

    /// What the number is: `M2–M1 gap, 2023 average`.
    public var name: String
    public var value: Double
    public var unit: Unit
    /// As the sentence prints it: `4.8 pp`.
    public var text: String
    /// The rows it was computed from: `macro M2 (M2_2001) and M1 (M1_2001), 2023-01 to 2023-12`.
    public var source: String

    public init(name: String, value: Double, unit: Unit, text: String, source: String) {
        self.name = name
        self.value = value
        self.unit = unit
        self.text = text
        self.source = source
    }

    /// A percentage (value in percent) printed with `places` decimals.
    public static func percent(_ name: String, _ value: Double, places: Int = 1, source: String) -> Figure {
        Figure(name: name, value: value, unit: .percent, text: NumberText.fixed(value, places) + " %", source: source)
    }

    /// Percentage points.
    public static func points(_ name: String, _ value: Double, places: Int = 1, source: String) -> Figure {
        Figure(
            name: name, value: value, unit: .percentagePoints, text: NumberText.fixed(value, places) + " pp",
            source: source)
    }

    /// Basis points, whole.
    public static func basisPoints(_ name: String, _ value: Double, source: String) -> Figure {
        Figure(name: name, value: value, unit: .basisPoints, text: NumberText.fixed(value, 0) + " bp", source: source)
    }

    /// An amount in fen, printed in billions of yuan.
    public static func amount(_ name: String, fen: Int64, source: String) -> Figure {
        Figure(
            name: name, value: Double(fen) / 100, unit: .yuan, text: NumberText.yuanBillions(fen: fen), source: source)
    }

    /// A count.
    public static func count(_ name: String, _ value: Int, source: String) -> Figure {
        Figure(name: name, value: Double(value), unit: .count, text: NumberText.group(Int64(value)), source: source)
    }

    /// A count with its noun, singular for one: `1 bond`, `3 bonds`.
    public static func count(_ name: String, _ value: Int, noun: String, plural: String? = nil, source: String)
        -> Figure
    {
        Figure(
            name: name, value: Double(value), unit: .count,
            text: NumberText.count(value, noun, plural: plural), source: source)
    }

    /// Years, two decimals.
    public static func years(_ name: String, _ value: Double, source: String) -> Figure {
        Figure(name: name, value: value, unit: .years, text: NumberText.fixed(value, 2) + " years", source: source)
    }
}

/// A short sentence generated from computed figures, which it carries so
/// that every number in it can be traced to its rows.
public struct Takeaway: Sendable, Hashable, Codable {
    public var text: String
    /// The figures the sentence states, in the order it states them.
    public var figures: [Figure]

    /// Fills `{name}` placeholders of a fixed template with the figures' texts.
    ///
    /// A placeholder without a figure is a programming error.
    public init<Figures: Sequence>(_ template: String, _ figures: Figures)
    where Figures.Element == (key: String, value: Figure) {
        var text = template
        var used: [(position: String.Index, figure: Figure)] = []
        for (key, figure) in figures {
            let placeholder = "{\(key)}"
            precondition(template.contains(placeholder), "no {\(key)} in '\(template)'")
            used.append((template.firstRange(of: placeholder)!.lowerBound, figure))
            text = text.replacing(placeholder, with: figure.text)
        }
        precondition(!text.contains("{"), "unfilled placeholder in '\(text)'")
        self.text = text
        self.figures = used.sorted { $0.position < $1.position }.map(\.figure)
    }

    /// A sentence stating no figure (what is missing, for instance).
    public init(plain text: String) {
        self.text = text
        figures = []
    }
}
