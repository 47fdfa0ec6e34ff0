import Foundation
import Testing

@testable import InnobondIO

/// `FileOutput` on real files: the target is replaced only on commit.
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

    /// `total` bytes in pieces of uneven sizes: a pattern whose length is
    /// prime, so that no piece repeats the one before it.
    func pieces(total: Int) -> [[UInt8]] {
        let pattern = (0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let cycle = pattern + pattern
        var pieces: [[UInt8]] = []
        var offset = 0
        var size = 1
        while offset < total {
            let count = min(size, total - offset, pattern.count)
            let start = offset % pattern.count
            pieces.append(Array(cycle[start..<start + count]))
            offset += count
            size = size * 3 % 2_000_003 + 7
        }
        return pieces
    }

    func joined(_ pieces: [[UInt8]]) -> Data {
        var data = Data()
        for piece in pieces { data.append(contentsOf: piece) }
        return data
    }

    @Test func replacesAnExistingFileOnlyOnCommit() throws {
        let path = temporaryPath("out.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = Data("the previous output\n".utf8)
        try old.write(to: URL(fileURLWithPath: path))
        // Past several starts of write-back, which a replacing output makes.
        let total = 2 * FileOutput.writeBackStep + 12_345
        let written = pieces(total: total)
        let output = try FileOutput(path: path)
        for piece in written { try output.write(piece) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
        try output.commit()
        let replaced = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(replaced.count == total)
        #expect(replaced == joined(written))
        #expect(try partials(of: path).isEmpty)
    }

    @Test func leavesTheTargetAsItWasWithoutCommit() throws {
        let path = temporaryPath("out.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = Data("the previous output\n".utf8)
        try old.write(to: URL(fileURLWithPath: path))
        do {
            let output = try FileOutput(path: path)
            for piece in pieces(total: FileOutput.writeBackStep + 1) { try output.write(piece) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
        #expect(try partials(of: path).isEmpty)
    }

    @Test func writesANewFile() throws {
        let path = temporaryPath("out.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = pieces(total: 100_000)
        let output = try FileOutput(path: path)
        for piece in written { try output.write(piece) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try output.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == joined(written))
    }
}
