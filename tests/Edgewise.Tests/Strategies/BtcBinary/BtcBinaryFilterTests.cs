// Each entry filter blocks a delay-arbitrage signal (BTC +0.2% in 60 s, YES 0.53/0.55, fair ≈ 0.72) with its own
// name, and no order is sent. The baseline (BtcBinarySignalTests) shows the same signal trades when nothing blocks.
using Edgewise.Core.Books;
using Edgewise.Engine.Risk;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class BtcBinaryFilterTests
{
    private static readonly BtcBinaryOptions DelayOnly = new()
    {
        MeanReversion = new MeanReversionOptions { Enabled = false },
        FlashCrash = new FlashCrashOptions { Enabled = false },
    };

    [Fact]
    public void Filter_UnhealthyYesBook_BlocksAsBookUnhealthy()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Index(60, 100_200m);
        h.Quote(60, 0.53m, 0.55m);
        h.Status(h.Market.Yes.Id, BookHealth.Gap, 60.01);
        h.At(60.2);

        AssertBlocked(h, EntryFilter.BookUnhealthy);
    }

    [Fact]
    public void Filter_BookNotUpdatedFor20s_BlocksAsBookStale()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Index(0, 100_000m);
        h.Quote(40, 0.53m, 0.55m);
        h.Index(60, 100_200m); // evaluated at 60.05 s with a book last changed at 40 s (> 10 s)
        h.At(60.2);

        AssertBlocked(h, EntryFilter.BookStale);
    }

    [Fact]
    public void Filter_LatestIndexTickIsAnOutage_BlocksAsIndexUnusable()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Index(60, 100_200m);
        h.Quote(60, 0.53m, 0.55m);
        h.Outage(60.01);
        h.At(60.2);

        var blocked = AssertBlocked(h, EntryFilter.IndexUnusable);
        Assert.Equal(100_200m, blocked.Inputs!.Index); // the signal was computed on the last usable print
    }

    [Fact]
    public void Filter_IndexPrint15sOld_BlocksAsIndexStale()
    {
        // skip_first_s 70 blocks the evaluation at 60 s; at 75 s the quote is fresh but the index print is 15 s old (> 10 s).
        using var h = new StrategyHarness(DelayOnly with { Filters = new EntryFilterOptions { SkipFirst = TimeSpan.FromSeconds(70) } });
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m);
        h.Quote(75, 0.53m, 0.55m);
        h.At(75.2);

        Assert.Equal(EntryFilter.MarketFirstSeconds, h.Entries[0].BlockedBy);
        AssertBlocked(h, EntryFilter.IndexStale);
    }

    [Fact]
    public void Filter_SignalIn20sAfterOpen_BlocksAsMarketFirstSeconds()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Index(-40, 100_000m);
        h.Step(20, 100_200m, 0.53m, 0.55m);

        AssertBlocked(h, EntryFilter.MarketFirstSeconds);
    }

    [Fact]
    public void Filter_Signal30sBeforeClose_BlocksAsMarketLastSeconds()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Index(810, 100_000m);
        h.Step(870, 100_200m, 0.53m, 0.55m);

        AssertBlocked(h, EntryFilter.MarketLastSeconds);
    }

    [Fact]
    public void Filter_Signal200sBeforeClose_BlocksAsMinTimeToClose()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Index(640, 100_000m);
        h.Step(700, 100_200m, 0.53m, 0.55m);

        AssertBlocked(h, EntryFilter.MinTimeToClose);
    }

    [Fact]
    public void Filter_Spread6Cents_BlocksAsMaxSpread()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.49m, 0.55m);

        var blocked = AssertBlocked(h, EntryFilter.MaxSpread);
        Assert.Equal("spread 0.06 > 0.05", blocked.Detail);
    }

    [Fact]
    public void Filter_10ContractsAtTheAskWithKnownDepth_BlocksAsMinDepth()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m, size: 10m);
        h.Step(60, 100_200m, 0.53m, 0.55m, size: 10m);

        var blocked = AssertBlocked(h, EntryFilter.MinDepth);
        Assert.Equal("10", blocked.Inputs!.Depth);
    }

    [Fact]
    public void Filter_DepthUnknownInTheData_ReportsItAndDoesNotBlock()
    {
        using var h = new StrategyHarness(DelayOnly, depth: BookDepth.Unknown);
        h.Step(0, 100_000m, 0.49m, 0.51m, size: 10m);
        h.Step(60, 100_200m, 0.53m, 0.55m, size: 10m);

        var entry = Assert.Single(h.Entries);
        Assert.Null(entry.BlockedBy);
        Assert.Equal("unknown in this data", entry.Inputs!.Depth);
        Assert.NotNull(entry.OrderId);
    }

    [Fact]
    public void Filter_SecondSignal60sAfterAnEntry_BlocksAsCooldown()
    {
        using var h = new StrategyHarness(DelayOnly);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m); // entry, 18 YES at 0.55
        h.Quote(90, 0.60m, 0.62m);           // +9.1% ≥ 8%: profit target, flat again
        h.At(90.2);
        h.Step(120, 100_400m, 0.60m, 0.62m); // +0.2% again, 60 s after the entry < 120 s

        Assert.Equal(ExitReason.ProfitTarget, h.Strategy.Trades[0].ExitReason);
        AssertBlocked(h, EntryFilter.Cooldown, tradesBefore: 1);
    }

    [Fact]
    public void Filter_StakeAboveTheRiskEnginesMarketLimit_IsDeniedAsRisk()
    {
        using var h = new StrategyHarness(DelayOnly, risk: new RiskLimits { MaxNotionalPerEvent = 5m });
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m);

        var blocked = AssertBlocked(h, "risk:MaxNotionalPerEvent");
        Assert.Contains("> 5", blocked.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_StakeBuysNoWholeContract_BlocksAsStakeTooSmall()
    {
        using var h = new StrategyHarness(DelayOnly with { Sizing = new SizingOptions { BaseStake = 0.5m, WinRateStake = 0.5m, StreakStake = 0.5m } });
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m);

        AssertBlocked(h, EntryFilter.StakeTooSmall);
    }

    [Fact]
    public void Skip_MarketWithoutStrikeAndNoIndexBeforeOpen_IsSkippedAsStrikeUnknown()
    {
        using var h = new StrategyHarness(DelayOnly, strike: null);
        h.Step(1, 100_000m, 0.49m, 0.51m); // the first print is 1 s after the open: (open − 60 s, open] has none
        h.Step(61, 100_200m, 0.53m, 0.55m);

        Assert.Empty(h.Entries);
        var skip = Assert.Single(h.Decisions, static d => d.Kind == DecisionKind.Skip);
        Assert.Equal(EntryFilter.StrikeUnknown, skip.BlockedBy);
        Assert.Null(skip.Inputs!.Strike);
    }

    [Fact]
    public void Strike_NotGivenByTheMarket_IsTheIndexAverageOfTheMinuteBeforeOpen()
    {
        using var h = new StrategyHarness(DelayOnly, strike: null);
        h.Index(-50, 99_990m);
        h.Index(-20, 100_010m);
        h.Step(0, 100_000m, 0.49m, 0.51m);
        h.Step(60, 100_200m, 0.53m, 0.55m);

        var entry = Assert.Single(h.Entries);
        // (−60 s, 0] holds the prints at −50, −20 and 0: (99,990 + 100,010 + 100,000) / 3 = 100,000.
        Assert.Equal(100_000m, entry.Inputs!.Strike);
        Assert.Equal("index_average 3/60 prints", entry.Inputs.StrikeSource);
    }

    private static DecisionRecord AssertBlocked(StrategyHarness h, string filter, int tradesBefore = 0)
    {
        var last = h.Entries[^1];
        Assert.Equal(SignalKind.DelayArbitrage, last.Signal);
        Assert.Equal(filter, last.BlockedBy);
        Assert.Null(last.OrderId);
        Assert.Equal(tradesBefore, h.Strategy.Trades.Count);
        return last;
    }
}
