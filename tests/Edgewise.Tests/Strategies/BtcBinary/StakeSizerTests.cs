using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class StakeSizerTests
{
    private static readonly SizingOptions Dynamic = new()
    {
        BaseStake = 10m,
        Dynamic = true,
        WinRateStake = 15m,
        WinRateAbove = 0.80m,
        WinRateMinTrades = 5,
        StreakStake = 20m,
        StreakMinWins = 3,
    };

    [Fact]
    public void CurrentStake_WinLossSequence_FollowsTheSizingRules()
    {
        var sizer = new StakeSizer(Dynamic);
        var stakes = new List<decimal> { sizer.CurrentStake };
        foreach (var won in new[] { true, true, true, false, true, true, true, true, false })
        {
            sizer.Record(won);
            stakes.Add(sizer.CurrentStake);
        }

        // start $10; W 1/1 → 10; W 2/2 → 10; W streak 3 → 20; L → 10 (back to base after a loss);
        // W 4/5 = 80% is not above 80% → 10; W 5/6 = 83% over ≥ 5 trades → 15; W streak 3 → 20; W → 20; L → 10.
        Assert.Equal([10m, 10m, 10m, 20m, 10m, 10m, 15m, 20m, 20m, 10m], stakes);
    }

    [Fact]
    public void CurrentStake_HighWinRateOverFewerThanFiveTrades_StaysBase()
    {
        var sizer = new StakeSizer(Dynamic with { StreakMinWins = 10 });
        for (var i = 0; i < 4; i++)
        {
            sizer.Record(true);
        }

        Assert.Equal(10m, sizer.CurrentStake); // 4/4 = 100%, but only 4 trades
        sizer.Record(true);
        Assert.Equal(15m, sizer.CurrentStake); // 5/5 over 5 trades
    }

    [Fact]
    public void CurrentStake_DynamicOff_AlwaysBase()
    {
        var sizer = new StakeSizer(Dynamic with { Dynamic = false });
        for (var i = 0; i < 6; i++)
        {
            sizer.Record(true);
        }

        Assert.Equal(10m, sizer.CurrentStake);
    }

    [Fact]
    public void Entry_AfterThreeWins_StakesTwentyDollars()
    {
        var options = new BtcBinaryOptions
        {
            MeanReversion = new MeanReversionOptions { Enabled = false },
            Sizing = Dynamic,
            Filters = new EntryFilterOptions { Cooldown = TimeSpan.Zero },
        };
        using var h = new StrategyHarness(options);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        var index = 100_000m;
        for (var i = 1; i <= 3; i++)
        {
            index *= 1.002m;
            h.Step(60 * i, index, 0.53m, 0.55m); // buy at 0.55
            h.Quote((60 * i) + 30, 0.60m, 0.62m); // target at 0.60: a win
            h.At((60 * i) + 30.2);
        }

        index *= 1.002m;
        h.Step(240, index, 0.53m, 0.55m);

        Assert.Equal([10m, 10m, 10m, 20m], h.Strategy.Trades.Select(static t => t.Stake).ToList());
        Assert.Equal(36m, h.Strategy.Trades[3].Bought.ToDecimal()); // floor($20 / 0.55) = 36
    }
}
