using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Core.Instruments;

public class TickGridPropertyTests
{
    private const long Tenth = FixedPoint.One / 10;   // 0.1
    private const long Cent = FixedPoint.One / 100;   // 0.01
    private const long Mil = FixedPoint.One / 1000;   // 0.001

    /// <summary>The tapered grid's definition written independently: mils at the tails, cents in the middle.</summary>
    private static bool ExpectedTaperedOnTick(long raw) =>
        raw >= 0 && raw <= FixedPoint.One
        && (raw <= Tenth || raw >= 9 * Tenth ? raw % Mil == 0 : raw % Cent == 0);

    [Fact]
    public void IsOnTick_EveryTenThousandthOfTheUnitInterval_MatchesDefinition()
    {
        // Exhaustive over [−0.01, 1.01] at 0.0001: every grid point and the off-grid points between them.
        for (var raw = -Cent; raw <= FixedPoint.One + Cent; raw += Mil / 10)
        {
            Assert.True(ExpectedTaperedOnTick(raw) == TickGrid.TaperedDeciCent.IsOnTick(new Price(raw)), $"raw {raw}");
        }
    }

    [Fact]
    public void TryGetNextUp_EveryPoint_IsNearestGridPointAbove()
    {
        var grid = TickGrid.TaperedDeciCent;
        for (var raw = -Cent; raw < FixedPoint.One; raw += Mil / 10)
        {
            Assert.True(grid.TryGetNextUp(new Price(raw), out var next));
            // Nearest: every 0.0001 point strictly between is off the grid (grid points are all multiples of 0.001).
            Assert.True(next.Raw > raw && ExpectedTaperedOnTick(next.Raw), $"raw {raw} -> {next.Raw}");
            for (var between = raw + Mil / 10; between < next.Raw; between += Mil / 10)
            {
                Assert.False(ExpectedTaperedOnTick(between), $"raw {raw}: skipped grid point {between}");
            }
        }
    }

    [Fact]
    public void NextUpAndNextDown_AnyPrice_AreInversesOnTheGrid()
    {
        var grid = TickGrid.TaperedDeciCent;
        var prices = Gen.Choose(-20_000_000, 1_020_000_000).Select(r => new Price(r));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3_000), Prop.ForAll(prices.ToArbitrary(), p =>
        {
            var upOk = grid.TryGetNextUp(p, out var up);
            var downOk = grid.TryGetNextDown(p, out var down);
            // Stepping back from the next point lands on p when p is a grid point, below p otherwise;
            // there is no step back from the grid's first point (p was below the grid), nor forward from its last.
            var upHolds = !upOk || (up > p && grid.IsOnTick(up)
                && (grid.TryGetNextDown(up, out var back) ? back <= p && (!grid.IsOnTick(p) || back == p) : p < grid.Min));
            var downHolds = !downOk || (down < p && grid.IsOnTick(down)
                && (grid.TryGetNextUp(down, out var fwd) ? fwd >= p && (!grid.IsOnTick(p) || fwd == p) : p > grid.Max));
            var endsHold = upOk == p < grid.Max && downOk == p > grid.Min;
            return upHolds && downHolds && endsHold;
        }));
    }
}
