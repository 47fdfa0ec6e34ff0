import Foundation

/// A one-line progress report on a terminal's standard error, redrawn in
/// place at most ten times a second; silent unless standard error is a
/// terminal, and shown only once work has run for half a second so that
/// short runs print nothing.
public final class ProgressLine {
    private let label: String
    private let totalBytes: Int?
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var visible = false

    /// - Parameters:
    ///   - label: what is counted (`rows`).
    ///   - totalBytes: the input size, for a percentage, when known.
    ///   - enabled: whether to draw at all; by default, when standard error
    ///     is a terminal and standard output is not the same terminal.
    public init(label: String, totalBytes: Int?, enabled: Bool = ProgressLine.terminalAvailable) {
        self.label = label
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    /// Whether standard error is a terminal that progress can be drawn on
    /// without mixing into output written to the same terminal.
    public static var terminalAvailable: Bool {
        isatty(STDERR_FILENO) == 1 && isatty(STDOUT_FILENO) == 0
    }

    /// Redraws the line if enough time has passed.
    public func update(count: Int, bytes: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - start >= .milliseconds(500) else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        var text = "\r\u{1B}[K\(Self.grouped(count)) \(label)"
        if let totalBytes, totalBytes > 0 {
            text += String(format: "  %3d %%", min(100, bytes * 100 / totalBytes))
        }
        let seconds =
            Double((now - start).components.seconds)
            + Double((now - start).components.attoseconds) * 1e-18
        text += String(format: "  %.1f s", seconds)
        FileHandle.standardError.write(Data(text.utf8))
        visible = true
    }

    /// Erases the line so that other messages start on a clean line.
    public func clear() {
        guard visible else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        visible = false
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
