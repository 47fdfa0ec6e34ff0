import InnobondModel
import Testing

/// A snapshot finds a bond by its code whether its bonds come in code order
/// (as stores read them: a binary search) or not (a table of codes).
@Suite struct BondLookupTests {
    static let issuer = Sample.issuer(1)
    static let codes = ["240001.SH", "240002.SH", "102400001.IB", "148001.SZ", "240003.SH"]

    @Test(arguments: [false, true]) func everyCodeIsFoundAtItsPosition(inCodeOrder: Bool) throws {
        let codes = inCodeOrder ? Self.codes.sorted() : Self.codes
        let bonds = codes.map { Sample.bond($0, issuer: Self.issuer, issued: "2025-03-01") }
        let snapshot = Sample.snapshot(issuers: [Self.issuer], bonds: bonds)
        for (position, code) in codes.enumerated() {
            #expect(snapshot.position(of: BondCode(code)!) == position)
            #expect(snapshot.bond(BondCode(code)!)?.code.value == code)
        }
        for missing in ["240000.SH", "240004.SH", "999999.SZ", "102400000.IB"] {
            #expect(snapshot.position(of: BondCode(missing)!) == nil, "\(missing)")
        }
    }

    /// Out of order with a repeated code: the first bond with it, as before.
    @Test func aRepeatedCodeFindsTheFirst() {
        let bonds = ["240002.SH", "240001.SH", "240002.SH"].enumerated().map { index, code in
            Sample.bond(code, issuer: Self.issuer, issued: "2025-03-0\(index + 1)")
        }
        let snapshot = Sample.snapshot(issuers: [Self.issuer], bonds: bonds)
        #expect(snapshot.position(of: BondCode("240002.SH")!) == 0)
        #expect(RegistrySnapshot.empty.position(of: BondCode("240002.SH")!) == nil)
    }
}
