using Edgewise.Core.Books;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Kraken;

namespace Edgewise.Tests.Venues.Kraken;

public class KrakenBookChecksumTests
{
    private static BookLevel L(string price, string qty) => new(Price.Parse(price), Quantity.Parse(qty));

    [Fact]
    public void TryCompute_GuideExample_Is3310070434()
    {
        // Kraken's checksum guide (FACTS §2.4): BTC/USD, price precision 1, qty precision 8.
        BookLevel[] asks =
        [
            L("45285.2", "0.001"), L("45286.4", "1.54571953"), L("45286.6", "1.54571109"), L("45289.6", "1.54560911"),
            L("45290.2", "0.1589066"), L("45291.8", "1.54553491"), L("45294.7", "0.04454749"), L("45296.1", "0.3538"),
            L("45297.5", "0.09945542"), L("45299.5", "0.18772827"),
        ];
        BookLevel[] bids =
        [
            L("45283.5", "0.1"), L("45283.4", "1.54582015"), L("45282.1", "0.1"), L("45281", "0.1"),
            L("45280.3", "1.54592586"), L("45279", "0.0799"), L("45277.6", "0.03310103"), L("45277.5", "0.3"),
            L("45277.3", "1.54602737"), L("45276.6", "0.15445238"),
        ];

        Assert.True(KrakenBookChecksum.TryCompute(asks, bids, 1, 8, out var checksum));
        Assert.Equal(3_310_070_434u, checksum);
    }

    [Fact]
    public void TryCompute_OneLevel_PadsToPrecisionAndStripsLeadingZeros()
    {
        // 45285.2 at precision 1 -> "452852"; 0.001 at precision 8 -> "0.00100000" -> "000100000" -> "100000".
        // zlib.crc32(b"452852100000") = 2099347975 (computed with Python's zlib).
        Assert.True(KrakenBookChecksum.TryCompute([L("45285.2", "0.001")], [], 1, 8, out var checksum));
        Assert.Equal(2_099_347_975u, checksum);
    }

    [Fact]
    public void TryCompute_MoreThanTenLevels_UsesOnlyTheTopTen()
    {
        var ten = Enumerable.Range(1, 10).Select(i => L($"{100 + i}", "1")).ToArray();
        var eleven = ten.Append(L("999", "5")).ToArray();

        Assert.True(KrakenBookChecksum.TryCompute(ten, [], 0, 0, out var a));
        Assert.True(KrakenBookChecksum.TryCompute(eleven, [], 0, 0, out var b));
        Assert.Equal(a, b);
    }

    [Fact]
    public void TryCompute_ValueFinerThanPrecision_ReturnsFalse()
    {
        Assert.False(KrakenBookChecksum.TryCompute([L("0.5666", "1")], [], 3, 8, out _));
    }
}
