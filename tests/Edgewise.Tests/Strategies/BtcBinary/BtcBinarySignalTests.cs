// Each entry signal fires on a constructed scenario and stays silent just outside its threshold. Times are seconds
// after the market opens (strike $100,000, close at 900 s); quotes are YES bid/ask with the NO book mirrored.
using Edgewise.Core.Instruments;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class BtcBinarySignalTests
{
    private static readonly BtcBinaryOptions DelayOnly = new()
    {
        MeanReversion = new MeanReversionOptions { Enabled = false },
        FlashCrash = new FlashCrashOptions { Enabled = false },
    };

    private static readonly BtcBinaryOptions MeanReversionOnly = new()
    {
        DelayArbitrage = new DelayArbitrageOptions { Enabled = false },
        MeanReversion = new MeanReversionOptions { Enabled = true },
    };

    private static readonly BtcBinaryOptions FlashOnly = new()
    {
        DelayArbitrage = new DelayArbitrageOptions { Enabled = false },
        FlashCrash = new FlashCrashOptions { Enabled = true, InformationalMove = 0.001m },
    };

    [Fact]
    public void DelayArbitrage_BtcUp020PercentAndYesLagging_BuysYesAtTheAsk()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        // +0.20% in 60 s > 0.15%; fair value ≈ 0.72 (S/K = 1.002, ~800 s of variance) vs ask 0.55: edge ≈ 0.15 > 0.03.
        h.Step(60, 100_200m, 0.53m, 0.55m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal(SignalKind.DelayArbitrage, entry.Signal);
        Assert.Equal(OutcomeSide.Yes, entry.Side);
        Assert.Null(entry.BlockedBy);
        Assert.Equal("s-1", entry.OrderId);
        Assert.Equal(0.002m, entry.Inputs!.Momentum);
        Assert.Equal(0.55m, entry.Inputs.Price);
        Assert.True(entry.Inputs.Edge > 0.03m, $"edge {entry.Inputs.Edge}");
        var trade = Assert.Single(h.Strategy.Trades);
        Assert.Equal(18m, trade.Bought.ToDecimal()); // floor($10 / 0.55) = 18 contracts
    }

    [Fact]
    public void DelayArbitrage_BtcDown020Percent_BuysNoAtOneMinusYesBid()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 99_800m, 0.45m, 0.47m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal(OutcomeSide.No, entry.Side);
        Assert.Equal(-0.002m, entry.Inputs!.Momentum);
        Assert.Equal(0.55m, entry.Inputs.Price); // NO ask = 1 − YES bid 0.45
        Assert.Equal(h.Market.No.Id, Assert.Single(h.Strategy.Trades).Instrument);
    }

    [Fact]
    public void DelayArbitrage_BtcUp014Percent_DoesNotFire()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_140m, 0.53m, 0.55m);

        Assert.Empty(h.Entries);
        Assert.Empty(h.Strategy.Trades);
    }

    [Fact]
    public void DelayArbitrage_PriceAlreadyAtFairValue_DoesNotFire()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        // Same move, but YES already at 0.74/0.75: fair ≈ 0.72 − 0.75 − fee < 0.03, nothing lags.
        h.Step(60, 100_200m, 0.74m, 0.75m);

        Assert.Empty(h.Entries);
    }

    [Fact]
    public void MeanReversion_YesAt085WhileBtcFlat_BuysNo()
    {
        using var h = new StrategyHarness(MeanReversionOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        // Mid 0.855 > 0.80, BTC moved 0% < 0.05%; fair YES ≈ 0.5 so NO (ask 0.15) has edge ≈ 0.34.
        h.Step(60, 100_000m, 0.85m, 0.86m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal(SignalKind.MeanReversion, entry.Signal);
        Assert.Equal(OutcomeSide.No, entry.Side);
        Assert.Equal(0.15m, entry.Inputs!.Price);
        Assert.Equal(0m, entry.Inputs.Momentum);
        Assert.NotNull(entry.OrderId);
    }

    [Fact]
    public void MeanReversion_YesAt015WhileBtcFlat_BuysYes()
    {
        using var h = new StrategyHarness(MeanReversionOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_000m, 0.14m, 0.15m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal(OutcomeSide.Yes, entry.Side);
        Assert.Equal(0.15m, entry.Inputs!.Price);
    }

    [Fact]
    public void MeanReversion_MidJustBelowUpperBand_DoesNotFire()
    {
        using var h = new StrategyHarness(MeanReversionOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_000m, 0.79m, 0.80m); // mid 0.795 is not above 0.80

        Assert.Empty(h.Entries);
    }

    [Fact]
    public void MeanReversion_BtcMoved006Percent_IsNotStableAndDoesNotFire()
    {
        using var h = new StrategyHarness(MeanReversionOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_060m, 0.85m, 0.86m); // |+0.06%| ≥ 0.05%

        Assert.Empty(h.Entries);
    }

    [Fact]
    public void FlashCrash_YesDrops18PercentIn5sWithBtcFlat_IsLiquidityAndBuysYes()
    {
        using var h = FlashScenario(100_000m, 100_000m, 100_000m, crashBid: 0.40m, crashAsk: 0.42m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal(SignalKind.FlashCrash, entry.Signal);
        Assert.Equal(OutcomeSide.Yes, entry.Side);
        Assert.Equal("liquidity", entry.Inputs!.FlashCrash);
        Assert.Equal(0.18m, entry.Inputs.FlashDrop); // (0.50 − 0.41) / 0.50
        Assert.Equal(0.42m, entry.Inputs.Price);
        Assert.NotNull(entry.OrderId);
    }

    [Fact]
    public void FlashCrash_YesDrops14Percent_IsNoCrash()
    {
        using var h = FlashScenario(100_000m, 100_000m, 100_000m, crashBid: 0.42m, crashAsk: 0.44m); // mid 0.43: −14%

        Assert.Empty(h.Entries);
    }

    [Fact]
    public void FlashCrash_BtcFellDuringTheWindow_IsInformationalAndBlocked()
    {
        // BTC −0.2% between 30 s and 65 s (the 30 s crash window) ≥ the 0.1% informational move.
        using var h = FlashScenario(100_000m, 100_000m, 99_800m, crashBid: 0.40m, crashAsk: 0.42m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal(SignalKind.FlashCrash, entry.Signal);
        Assert.Equal("informational", entry.Inputs!.FlashCrash);
        Assert.Equal(EntryFilter.FlashCrashNotLiquidity, entry.BlockedBy);
        Assert.Null(entry.OrderId);
        Assert.Empty(h.Strategy.Trades);
    }

    [Fact]
    public void FlashCrash_BtcFellBeforeTheWindow_IsDelayedReactionAndBlocked()
    {
        // BTC −0.2% from −60 s to 30 s (before the window), flat from 30 s to 65 s.
        using var h = FlashScenario(100_000m, 99_800m, 99_800m, crashBid: 0.40m, crashAsk: 0.42m);

        var entry = Assert.Single(h.Entries);
        Assert.Equal("delayed_reaction", entry.Inputs!.FlashCrash);
        Assert.Equal(EntryFilter.FlashCrashNotLiquidity, entry.BlockedBy);
    }

    /// <summary>Index at −60 s and 0 s = <paramref name="early"/>, at 30 s = <paramref name="mid"/>, at 60 and 65 s = <paramref name="late"/>; YES 0.49/0.51 at 60 s, then the crash quote at 65 s.</summary>
    private static StrategyHarness FlashScenario(decimal early, decimal mid, decimal late, decimal crashBid, decimal crashAsk)
    {
        var h = new StrategyHarness(FlashOnly);
        h.Index(-60, early);
        h.Step(0, early, 0.49m, 0.51m);
        h.Index(30, mid);
        h.Step(60, late, 0.49m, 0.51m);
        h.Step(65, late, crashBid, crashAsk);
        return h;
    }
}
