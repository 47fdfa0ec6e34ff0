import Foundation
import Testing

@testable import InnobondIO

/// `FileOutput` on real files: the target is replaced only on commit, and
/// the write-back of a file that replaces another starts as it is written.
@Suite struct FileOutputTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("innobond-\(UUID().uuidString)-\(name)").path
    }

    func partials(of path: String) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        return try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).filter {
            $0.hasPrefix(url.lastPathComponent + ".partial-")
        }
    }

    /// About `total` bytes in pieces of 1 to 3,000 bytes, each piece's bytes
    /// depending on its offset.
    func pieces(total: Int) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var offset = 0
        var size = 1
        while offset < total {
            pieces.append((offset..<offset + size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) })
            offset += size
            size = size * 7 % 3_001 + 1
        }
        return pieces
    }

    func contents(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Writes `pieces` to `path` with a write-back step of `step` bytes;
    /// returns where write-back had been started after each piece.
    func write(_ pieces: [[UInt8]], to path: String, step: Int, commit: Bool = true) throws -> [Int] {
        let output = try FileOutput(path: path, writeBackStep: step)
        var starts: [Int] = []
        for piece in pieces {
            try output.write(piece)
            starts.append(output.writeBackStart)
        }
        if commit { try output.commit() }
        return starts
    }

    @Test func replacingAFileStartsWriteBackEveryStepAndReplacesItOnCommit() throws {
        let path = temporaryPath("out.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("the previous output\n".utf8).write(to: URL(fileURLWithPath: path))
        let written = pieces(total: 100_000)
        let starts = try write(written, to: path, step: 10_000)
        // Started at the end of the first piece that took the bytes since the last start to 10,000 or more.
        var expected: [Int] = []
        var total = 0
        var start = 0
        for piece in written {
            total += piece.count
            if total - start >= 10_000 { start = total }
            expected.append(start)
        }
        #expect(starts == expected)
        #expect(Set(starts).count > 8)
        #expect(try contents(path) == Array(written.joined()))
        #expect(try partials(of: path).isEmpty)
    }

    @Test func aNewFileIsNotWrittenBackEarly() throws {
        let path = temporaryPath("out.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = pieces(total: 100_000)
        let starts = try write(written, to: path, step: 10_000)
        #expect(starts.allSatisfy { $0 == 0 })
        #expect(try contents(path) == Array(written.joined()))
    }

    @Test func withoutCommitTheTargetIsLeftAsItWas() throws {
        let path = temporaryPath("out.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = Data("the previous output\n".utf8)
        try old.write(to: URL(fileURLWithPath: path))
        _ = try write(pieces(total: 50_000), to: path, step: 10_000, commit: false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
        #expect(try partials(of: path).isEmpty)
    }
}
