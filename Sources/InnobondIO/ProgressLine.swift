import Foundation

/// A one-line progress report on a terminal, redrawn in place at most ten
/// times a second, and shown only once work has run for a while so that short
/// runs print nothing.
public final class ProgressLine {
    private let label: String
    private let totalBytes: Int?
    private let delay: Duration
    private let draw: (String) -> Void
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var visible = false

    /// - Parameters:
    ///   - label: what is counted (`rows`).
    ///   - totalBytes: the input size, for a percentage, when known.
    ///   - delay: how long work runs before the line first shows.
    ///   - draw: where the text goes; standard error by default.
    public init(
        label: String, totalBytes: Int?, delay: Duration = .milliseconds(500),
        draw: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.totalBytes = totalBytes
        self.delay = delay
        self.draw = draw
    }

    /// A progress line on standard error when it is a terminal that the
    /// output does not go to; `nil` when piped or redirected.
    ///
    /// - Parameter outputIsStandardOutput: whether results are written to
    ///   standard output, which may be the same terminal.
    public static func onTerminal(label: String, totalBytes: Int?, outputIsStandardOutput: Bool) -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1, !(outputIsStandardOutput && isatty(STDOUT_FILENO) == 1) else { return nil }
        return ProgressLine(label: label, totalBytes: totalBytes)
    }

    /// Redraws the line with `count` items done and `bytes` of input read, if
    /// the delay has passed and the last drawing is a tenth of a second old.
    public func update(count: Int, bytes: Int) {
        let now = ContinuousClock.now
        guard now - start >= delay else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        var text = "\r\u{1B}[K\(Self.grouped(count)) \(label)"
        if let totalBytes, totalBytes > 0 {
            text += "  \(min(100, bytes * 100 / totalBytes)) %"
        }
        let elapsed = (now - start).components
        let tenths = elapsed.seconds * 10 + elapsed.attoseconds / 100_000_000_000_000_000
        text += "  \(tenths / 10).\(tenths % 10) s"
        draw(text)
        visible = true
    }

    /// Erases the line so that other messages start on a clean line.
    public func clear() {
        guard visible else { return }
        draw("\r\u{1B}[K")
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
