import FixedIncome

/// A chart of a briefing or a dashboard page, drawn as self-contained SVG by
/// ``svg(width:height:)``: title, axis labels with units, source line and,
/// for demo data, the demo notice are part of the picture.
public struct Chart: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// One bar per category (several series side by side).
        case bar
        /// Series of dated points.
        case line
        /// Series stacked in one bar per category.
        case stackedBar = "stacked_bar"
        /// Series of points on two numeric axes.
        case xy
    }

    /// A point on two numeric axes.
    public struct XYPoint: Sendable, Codable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One series: values by category for bars, dated points for lines.
    public struct Series: Sendable, Codable, Equatable {
        public var name: String
        /// Aligned with ``Chart/categories``; `nil` where there is no value.
        public var values: [Double?]
        /// For line charts.
        public var points: [TimePoint]
        /// For xy charts.
        public var xy: [XYPoint]

        public init(name: String, values: [Double?] = [], points: [TimePoint] = [], xy: [XYPoint] = []) {
            self.name = name
            self.values = values
            self.points = points
            self.xy = xy
        }
    }

    public var kind: Kind
    public var title: String
    /// The x axis: `Month of issue`.
    public var xLabel: String
    /// The y axis with its unit: `RMB bn`.
    public var yLabel: String
    public var categories: [String]
    public var series: [Series]
    /// Where the numbers come from.
    public var source: String
    /// Printed under the source, e.g. the demo-data notice.
    public var note: String?
    /// Draws a dashed line at zero or at a reference value.
    public var reference: Double?
    /// What the reference line is, written beside it.
    public var referenceLabel: String?
    /// For line charts: where a series changes definition, marked by a
    /// dashed vertical line with its label.
    public var breaks: [Break]

    /// A date from which the figures are not comparable with those before it.
    public struct Break: Sendable, Codable, Equatable {
        public var date: CivilDate
        public var label: String

        public init(date: CivilDate, label: String) {
            self.date = date
            self.label = label
        }
    }

    public init(
        kind: Kind, title: String, xLabel: String, yLabel: String, categories: [String] = [], series: [Series],
        source: String, note: String? = nil, reference: Double? = nil, referenceLabel: String? = nil,
        breaks: [Break] = []
    ) {
        self.referenceLabel = referenceLabel
        self.breaks = breaks
        self.kind = kind
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
        self.source = source
        self.note = note
        self.reference = reference
    }

    /// Whether there is anything to draw: bars that are all zero or missing are nothing.
    public var isEmpty: Bool {
        switch kind {
        case .line: return series.allSatisfy { $0.points.isEmpty }
        case .xy: return series.allSatisfy { $0.xy.isEmpty }
        case .bar, .stackedBar:
            return categories.isEmpty || series.allSatisfy { $0.values.allSatisfy { $0 == nil || $0 == 0 } }
        }
    }

    /// The palette, colour-blind safe (Okabe & Ito, 2008), darkest first.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]

    /// The chart as an SVG document fragment (`<svg>...</svg>`), sized in
    /// CSS pixels and scaling to its container.
    public func svg(width: Int = 720, height: Int = 360) -> String {
        ChartDrawing(chart: self, width: Double(width), height: Double(height)).draw()
    }
}

/// Escapes text for XML and HTML content and attribute values.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Round tick values for an axis: steps of 1, 2 or 5 times a power of ten.
struct AxisScale {
    var minimum: Double
    var maximum: Double
    var step: Double

    /// - Parameter wholeSteps: steps of at least 1, for counts.
    init(low: Double, high: Double, targetTicks: Int = 5, wholeSteps: Bool = false) {
        var low = low
        var high = high
        if low == high {
            low -= low == 0 ? 1 : abs(low) * 0.1
            high += high == 0 ? 1 : abs(high) * 0.1
        }
        let raw = (high - low) / Double(targetTicks)
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let fraction = raw / power
        let nice = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
        let step = wholeSteps ? max(nice, 1) : nice
        self.step = step
        minimum = (low / step).rounded(.down) * step
        maximum = (high / step).rounded(.up) * step
    }

    var ticks: [Double] {
        var values: [Double] = []
        var value = minimum
        while value <= maximum + step * 1e-9 {
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return values
    }

    /// Decimals that show the step.
    var places: Int {
        var places = 0
        var scaled = step
        while places < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            places += 1
        }
        return places
    }
}
