import FixedIncome

/// Lays out and writes the SVG of a ``Chart``.
struct ChartDrawing {
    let chart: Chart
    let width: Double
    let height: Double
    private var output = ""

    /// Room below the plot for category labels turned 45°, added to the height asked for.
    private let labelRoom: Double

    init(chart: Chart, width: Double, height: Double) {
        self.chart = chart
        self.width = width
        let band = (width - 80) / Double(max(chart.categories.count, 1))
        let longest = chart.categories.map(\.count).max() ?? 0
        let rotates =
            (chart.kind == .bar || chart.kind == .stackedBar)
            && (chart.categories.count > 12 || Double(longest) * 7 > band)
        labelRoom = rotates ? min(Double(longest) * 5.2, 130) : 0
        self.height = height + labelRoom
    }

    // Plot area.
    private var left: Double { 64 }
    private var right: Double { width - 16 }
    private var top: Double { 62 }
    private var bottom: Double { height - (chart.note == nil ? 72 : 88) - labelRoom }

    private var rotatesLabels: Bool { labelRoom > 0 }

    private var bandWidth: Double { (right - left) / Double(max(chart.categories.count, 1)) }

    func draw() -> String {
        var drawing = self
        drawing.write()
        return drawing.output
    }

    private mutating func write() {
        let title = XMLText.escape(chart.title)
        output += """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" width="100%" \
            style="max-width:\(n(width))px" role="img" aria-label="\(title)" font-family="system-ui, sans-serif">
            <title>\(title)</title>
            <rect width="100%" height="100%" fill="#fff"/>
            <text x="16" y="24" font-size="15" font-weight="600" fill="#111">\(title)</text>
            <text x="16" y="44" font-size="12" fill="#444">\(XMLText.escape(chart.yLabel))</text>

            """
        writeLegend()
        if chart.isEmpty {
            output += """
                <text x="\(n(width / 2))" y="\(n((top + bottom) / 2))" font-size="13" fill="#666" \
                text-anchor="middle">No data for this chart</text>

                """
        } else {
            switch chart.kind {
            case .bar, .stackedBar: writeBars()
            case .line: writeLines()
            case .xy: writeXY()
            }
        }
        let axisLabelY = height - (chart.note == nil ? 38 : 54)
        output += """
            <text x="\(n((left + right) / 2))" y="\(n(axisLabelY))" font-size="12" fill="#444" \
            text-anchor="middle">\(XMLText.escape(chart.xLabel))</text>
            <text x="16" y="\(n(height - (chart.note == nil ? 14 : 30)))" font-size="11" fill="#555">\
            Source: \(XMLText.escape(chart.source))</text>

            """
        if let note = chart.note {
            output += """
                <text x="16" y="\(n(height - 12))" font-size="11" font-weight="600" fill="#a0262b">\
                \(XMLText.escape(note))</text>

                """
        }
        output += "</svg>"
    }

    private mutating func writeLegend() {
        guard chart.series.count > 1 else { return }
        var x = right
        for (index, series) in chart.series.enumerated().reversed() {
            let textWidth = Double(series.name.count) * 6.6
            x -= textWidth + 18
            output += """
                <rect x="\(n(x))" y="35" width="10" height="10" fill="\(color(index))"/>
                <text x="\(n(x + 14))" y="44" font-size="12" fill="#333">\(XMLText.escape(series.name))</text>

                """
            x -= 10
        }
    }

    // MARK: Axes

    private mutating func writeValueAxis(_ scale: AxisScale) {
        for tick in scale.ticks {
            let y = yPosition(tick, scale)
            output += """
                <line x1="\(n(left))" x2="\(n(right))" y1="\(n(y))" y2="\(n(y))" stroke="\(tick == 0 ? "#888" : "#e3e3e3")"/>
                <text x="\(n(left - 6))" y="\(n(y + 4))" font-size="11" fill="#444" text-anchor="end">\
                \(NumberText.fixed(tick, scale.places))</text>

                """
        }
        if chart.kind != .xy, let reference = chart.reference, reference >= scale.minimum,
            reference <= scale.maximum
        {
            let y = yPosition(reference, scale)
            let label = chart.referenceLabel.map(XMLText.escape)
            output += """
                <line x1="\(n(left))" x2="\(n(right))" y1="\(n(y))" y2="\(n(y))" stroke="#555" stroke-dasharray="4 3">\
                <title>\(label ?? NumberText.fixed(reference, scale.places + 1))</title></line>

                """
            if let label {
                output += """
                    <text x="\(n(right - 4))" y="\(n(y - 4))" font-size="10" fill="#555" text-anchor="end">\(label)</text>

                    """
            }
        }
    }

    private func yPosition(_ value: Double, _ scale: AxisScale) -> Double {
        bottom - (value - scale.minimum) / (scale.maximum - scale.minimum) * (bottom - top)
    }

    private func color(_ index: Int) -> String { Chart.palette[index % Chart.palette.count] }

    // MARK: Bars

    private mutating func writeBars() {
        let stacked = chart.kind == .stackedBar
        var low = 0.0
        var high = 0.0
        for index in chart.categories.indices {
            var positive = 0.0
            var negative = 0.0
            for series in chart.series {
                guard index < series.values.count, let value = series.values[index] else { continue }
                if stacked {
                    if value >= 0 { positive += value } else { negative += value }
                } else {
                    high = max(high, value)
                    low = min(low, value)
                }
            }
            if stacked {
                high = max(high, positive)
                low = min(low, negative)
            }
        }
        // Counts (whole numbers) get whole ticks and labels.
        let counts = chart.series.allSatisfy { $0.values.allSatisfy { $0.map { $0 == $0.rounded() } ?? true } }
        let scale = AxisScale(low: low, high: high, wholeSteps: counts)
        let valuePlaces = counts ? 0 : scale.places + 1
        writeValueAxis(scale)
        let band = bandWidth
        let groups = stacked ? 1 : chart.series.count
        let barWidth = band * 0.78 / Double(max(groups, 1))
        let labelsValues = !stacked && chart.series.count == 1 && chart.categories.count <= 10
        for (index, category) in chart.categories.enumerated() {
            let bandLeft = left + band * Double(index) + band * 0.11
            var positiveBase = 0.0
            var negativeBase = 0.0
            for (seriesIndex, series) in chart.series.enumerated() {
                guard index < series.values.count, let value = series.values[index] else { continue }
                let x = stacked ? bandLeft : bandLeft + barWidth * Double(seriesIndex)
                let base = stacked ? (value >= 0 ? positiveBase : negativeBase) : 0
                let y0 = yPosition(base, scale)
                let y1 = yPosition(base + value, scale)
                let label = "\(category), \(series.name): \(NumberText.fixed(value, valuePlaces))"
                output += """
                    <rect x="\(n(x))" y="\(n(min(y0, y1)))" width="\(n(max(barWidth - 1, 1)))" \
                    height="\(n(abs(y1 - y0)))" fill="\(color(seriesIndex))"><title>\(XMLText.escape(label))</title></rect>

                    """
                if labelsValues {
                    output += """
                        <text x="\(n(x + barWidth / 2))" y="\(n(value >= 0 ? y1 - 4 : y1 + 13))" font-size="11" \
                        fill="#222" text-anchor="middle">\(NumberText.fixed(value, valuePlaces))</text>

                        """
                }
                if stacked {
                    if value >= 0 { positiveBase += value } else { negativeBase += value }
                }
            }
        }
        // Category labels, thinned to about 24.
        let every = max(1, Int((Double(chart.categories.count) / 24).rounded(.up)))
        for (index, category) in chart.categories.enumerated() where index % every == 0 {
            let x = left + band * (Double(index) + 0.5)
            let text = XMLText.escape(category)
            if rotatesLabels {
                output += """
                    <text x="\(n(x))" y="\(n(bottom + 12))" font-size="11" fill="#444" text-anchor="end" \
                    transform="rotate(-45 \(n(x)) \(n(bottom + 12)))">\(text)</text>

                    """
            } else {
                output += """
                    <text x="\(n(x))" y="\(n(bottom + 16))" font-size="11" fill="#444" text-anchor="middle">\(text)</text>

                    """
            }
        }
    }

    // MARK: Lines

    /// Labelled ticks of a date axis, about three to eight of them: on
    /// 1 January (every year or every few), on quarter starts under two
    /// years, on month starts under six months, and every few days under
    /// two months.
    static func dateTicks(from start: CivilDate, to end: CivilDate) -> [(CivilDate, String)] {
        let days = start.days(to: end)
        var ticks: [(CivilDate, String)] = []
        if days < 62 {
            let step = [1, 2, 7, 14].first { days / $0 <= 6 } ?? 14
            var tick = start
            while tick <= end {
                ticks.append((tick, "\(tick.day) \(MonthName.short(tick.month))"))
                guard let next = tick.adding(days: step) else { break }
                tick = next
            }
            return ticks
        }
        let months: Int
        if days < 183 {
            months = 1
        } else if days < 730 {
            months = 3
        } else {
            months = 12 * max(1, (days / 365 + 7) / 8)
        }
        var tick = CivilDate(year: start.year, month: 1, day: 1)!
        while tick <= end {
            if tick >= start {
                let label: String
                switch months {
                case 1: label = "\(MonthName.short(tick.month)) \(tick.year)"
                case 3: label = "\(tick.year) Q\((tick.month - 1) / 3 + 1)"
                default: label = String(tick.year)
                }
                ticks.append((tick, label))
            }
            guard let next = tick.adding(months: months) else { break }
            tick = next
        }
        return ticks
    }

    private mutating func writeLines() {
        let points = chart.series.flatMap(\.points)
        let values = points.map(\.value)
        let scale = AxisScale(low: values.min()!, high: values.max()!)
        writeValueAxis(scale)
        let first = points.map(\.date.dayNumber).min()!
        let last = max(points.map(\.date.dayNumber).max()!, first + 1)
        func x(_ day: Int) -> Double { left + Double(day - first) / Double(last - first) * (right - left) }

        for (tick, label) in Self.dateTicks(from: CivilDate(dayNumber: first)!, to: CivilDate(dayNumber: last)!) {
            let position = x(tick.dayNumber)
            output += """
                <line x1="\(n(position))" x2="\(n(position))" y1="\(n(bottom))" y2="\(n(bottom + 4))" stroke="#888"/>
                <text x="\(n(position))" y="\(n(bottom + 17))" font-size="11" fill="#444" text-anchor="middle">\(label)</text>

                """
        }
        for (index, series) in chart.series.enumerated() where !series.points.isEmpty {
            let sorted = series.points.sorted { $0.date < $1.date }
            let path = sorted.map { "\(n(x($0.date.dayNumber))),\(n(yPosition($0.value, scale)))" }
                .joined(separator: " ")
            output += """
                <polyline points="\(path)" fill="none" stroke="\(color(index))" stroke-width="2">\
                <title>\(XMLText.escape(series.name))</title></polyline>

                """
            // Every point answers a hover with its value; beyond 40 points
            // the marks are invisible, so that the line stays readable.
            let visible = sorted.count <= 40
            for point in sorted {
                let label = "\(series.name), \(point.date): \(NumberText.fixed(point.value, scale.places + 1))"
                output += """
                    <circle cx="\(n(x(point.date.dayNumber)))" cy="\(n(yPosition(point.value, scale)))" \
                    r="\(visible ? "2.5" : "3")" fill="\(color(index))"\(visible ? "" : " fill-opacity=\"0\"")>\
                    <title>\(XMLText.escape(label))</title></circle>

                    """
            }
        }
        for mark in chart.breaks where mark.date.dayNumber >= first && mark.date.dayNumber <= last {
            let position = x(mark.date.dayNumber)
            let label = XMLText.escape(mark.label)
            output += """
                <line x1="\(n(position))" x2="\(n(position))" y1="\(n(top))" y2="\(n(bottom))" stroke="#555" \
                stroke-dasharray="2 3"><title>\(label) (\(mark.date))</title></line>
                <text x="\(n(position + 4))" y="\(n(top + 10))" font-size="10" fill="#555">\(label)</text>

                """
        }
    }

    // MARK: Two numeric axes

    private mutating func writeXY() {
        let points = chart.series.flatMap(\.xy)
        let scale = AxisScale(low: points.map(\.y).min()!, high: points.map(\.y).max()!)
        writeValueAxis(scale)
        let xScale = AxisScale(low: points.map(\.x).min()!, high: points.map(\.x).max()!, targetTicks: 6)
        func x(_ value: Double) -> Double {
            left + (value - xScale.minimum) / (xScale.maximum - xScale.minimum) * (right - left)
        }
        for tick in xScale.ticks {
            output += """
                <line x1="\(n(x(tick)))" x2="\(n(x(tick)))" y1="\(n(bottom))" y2="\(n(bottom + 4))" stroke="#888"/>
                <text x="\(n(x(tick)))" y="\(n(bottom + 17))" font-size="11" fill="#444" text-anchor="middle">\
                \(NumberText.fixed(tick, xScale.places))</text>

                """
        }
        for (index, series) in chart.series.enumerated() where !series.xy.isEmpty {
            let sorted = series.xy.sorted { $0.x < $1.x }
            let path = sorted.map { "\(n(x($0.x))),\(n(yPosition($0.y, scale)))" }.joined(separator: " ")
            output += """
                <polyline points="\(path)" fill="none" stroke="\(color(index))" stroke-width="2">\
                <title>\(XMLText.escape(series.name))</title></polyline>

                """
            for point in sorted {
                let label =
                    "\(chart.xLabel) \(NumberText.fixed(point.x, xScale.places + 2)): "
                    + "\(chart.yLabel) \(NumberText.fixed(point.y, scale.places + 2))"
                output += """
                    <circle cx="\(n(x(point.x)))" cy="\(n(yPosition(point.y, scale)))" r="3" fill="\(color(index))" \
                    fill-opacity="0"><title>\(XMLText.escape(label))</title></circle>

                    """
            }
        }
        if let reference = chart.reference, reference >= xScale.minimum, reference <= xScale.maximum {
            let label = chart.referenceLabel.map(XMLText.escape)
            output += """
                <line x1="\(n(x(reference)))" x2="\(n(x(reference)))" y1="\(n(top))" y2="\(n(bottom))" \
                stroke="#555" stroke-dasharray="4 3"><title>\(label ?? NumberText.fixed(reference, xScale.places + 2))\
                </title></line>

                """
            if let label {
                output += """
                    <text x="\(n(x(reference) + 4))" y="\(n(top + 10))" font-size="10" fill="#555">\(label)</text>

                    """
            }
        }
    }

    /// A coordinate with at most one decimal. ``NumberText`` writes a minus
    /// sign, which SVG reads only as an ASCII hyphen.
    private func n(_ value: Double) -> String {
        let text = NumberText.fixed(value, 1)
        guard text.unicodeScalars.first == "−" else { return text }
        return "-" + String(text.unicodeScalars.dropFirst())
    }
}
