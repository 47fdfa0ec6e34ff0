import InnobondIO
import Testing

@Suite struct ProgressLineTests {
    final class Screen: @unchecked Sendable {
        var drawn: [String] = []
    }

    @Test func staysQuietUntilTheDelayThenDrawsInPlace() async throws {
        let screen = Screen()
        let progress = ProgressLine(label: "rows", totalBytes: 2000, delay: .milliseconds(50)) {
            screen.drawn.append($0)
        }
        progress.update(count: 10, bytes: 100)
        #expect(screen.drawn.isEmpty)
        progress.clear()
        #expect(screen.drawn.isEmpty)  // nothing shown, nothing to erase
        try await Task.sleep(for: .milliseconds(60))
        progress.update(count: 1_234_567, bytes: 1000)
        #expect(screen.drawn.count == 1)
        let line = screen.drawn[0]
        #expect(line.hasPrefix("\r\u{1B}[K1,234,567 rows  50 %  "))
        // Then the elapsed time in seconds, one decimal.
        let elapsed = line.dropFirst("\r\u{1B}[K1,234,567 rows  50 %  ".count)
        #expect(elapsed.hasSuffix(" s") && elapsed.dropLast(2).split(separator: ".").map(\.count).last == 1)
        progress.clear()
        #expect(screen.drawn.last == "\r\u{1B}[K")
    }
}
