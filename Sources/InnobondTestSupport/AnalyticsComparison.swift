/// Compares `innobond analytics` output with expected output under the
/// tolerances of spec/oracle/README.md (the rules of its `compare.py`):
/// clean price, dirty price and accrued within 1e-6 per 100; yield within
/// 1e-7 percent; durations, convexity and DV01 within a relative 1e-7 or
/// 1e-9 absolute; a row empty in one is empty in the other; same ids, same
/// order, the contract's header.
public enum AnalyticsComparison {
    /// The output header of the contract.
    public static let header = [
        "id", "clean_price", "yield", "accrued", "dirty_price", "macaulay_duration", "modified_duration",
        "convexity", "dv01",
    ]

    /// A summary of a comparison.
    public struct Report: Sendable, CustomStringConvertible {
        /// Rows compared.
        public var rows = 0
        /// One line per difference beyond tolerance.
        public var mismatches: [String] = []
        /// Largest price difference seen (per 100).
        public var maxPriceError = 0.0
        /// Largest yield difference seen (percent).
        public var maxYieldError = 0.0
        /// Largest relative risk difference seen.
        public var maxRelativeRiskError = 0.0

        public var description: String {
            "rows=\(rows) mismatches=\(mismatches.count) max_price_err=\(maxPriceError) "
                + "max_yield_err=\(maxYieldError) max_rel_risk_err=\(maxRelativeRiskError)"
                + mismatches.prefix(10).map { "\n  " + $0 }.joined()
        }
    }

    /// Compares two output files' text.
    public static func compare(expected: String, actual: String) -> Report {
        var report = Report()
        let expectedRows = SimpleCSV.parse(expected)
        let actualRows = SimpleCSV.parse(actual)
        guard let actualHeader = actualRows.first, actualHeader == header else {
            report.mismatches.append("header is \(actualRows.first ?? []), expected \(header)")
            return report
        }
        guard expectedRows.count == actualRows.count else {
            report.mismatches.append("\(actualRows.count - 1) rows, expected \(expectedRows.count - 1)")
            return report
        }
        for (index, (want, got)) in zip(expectedRows, actualRows).enumerated().dropFirst() {
            report.rows += 1
            let line = index + 1
            guard want.count == header.count, got.count == header.count else {
                report.mismatches.append("line \(line): \(got.count) fields, expected \(header.count)")
                continue
            }
            guard want[0] == got[0] else {
                report.mismatches.append("line \(line): id '\(got[0])', expected '\(want[0])'")
                continue
            }
            let wantEmpty = want.dropFirst().allSatisfy(\.isEmpty)
            let gotEmpty = got.dropFirst().allSatisfy(\.isEmpty)
            guard wantEmpty == gotEmpty else {
                report.mismatches.append(
                    "line \(line) (\(want[0])): \(gotEmpty ? "rejected" : "priced"), expected the other")
                continue
            }
            if wantEmpty { continue }
            for column in 1..<header.count {
                guard let e = Double(want[column]), let a = Double(got[column]) else {
                    report.mismatches.append("line \(line) \(header[column]): '\(got[column])' vs '\(want[column])'")
                    continue
                }
                let error = abs(a - e)
                let within: Bool
                switch header[column] {
                case "clean_price", "dirty_price", "accrued":
                    report.maxPriceError = max(report.maxPriceError, error)
                    within = error <= 1e-6
                case "yield":
                    report.maxYieldError = max(report.maxYieldError, error)
                    within = error <= 1e-7
                default:
                    if abs(e) > 1e-9 { report.maxRelativeRiskError = max(report.maxRelativeRiskError, error / abs(e)) }
                    within = error <= max(1e-7 * abs(e), 1e-9)
                }
                if !within {
                    report.mismatches.append(
                        "line \(line) (\(want[0])) \(header[column]): \(a), expected \(e) (difference \(error))")
                }
            }
        }
        return report
    }

    /// The input line numbers named by `line N, column NAME: reason` messages.
    public static func errorLines(_ text: String) -> Set<Int> {
        var lines = Set<Int>()
        for message in text.split(separator: "\n") where message.hasPrefix("line ") {
            let digits = message.dropFirst(5).prefix { $0.isNumber }
            if let line = Int(digits), message.dropFirst(5 + digits.count).hasPrefix(", column ") {
                lines.insert(line)
            }
        }
        return lines
    }
}

/// A small RFC 4180 reader, independent of the product's parser so that the
/// two check each other.
public enum SimpleCSV {
    /// The records of `text`; blank lines are skipped.
    public static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false  // the current field opened with a quote
        var characters = Array(text.unicodeScalars)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        func endRecord() {
            if fieldStarted || !record.isEmpty || !field.isEmpty {
                record.append(field)
                records.append(record)
            }
            record = []
            field = ""
            fieldStarted = false
        }
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" && field.isEmpty && !fieldStarted {
                quoted = true
                fieldStarted = true
            } else if character == "," {
                record.append(field)
                field = ""
                fieldStarted = false
            } else if character == "\n" {
                endRecord()
            } else if character == "\r" && index + 1 < characters.count && characters[index + 1] == "\n" {
                // CRLF: the LF ends the record.
            } else {
                field.unicodeScalars.append(character)
            }
            index += 1
        }
        endRecord()
        return records
    }
}
