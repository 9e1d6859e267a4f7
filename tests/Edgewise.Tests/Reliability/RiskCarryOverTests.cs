using Edgewise.Cli.Recovery;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Risk;
using Edgewise.Tests.Engine;

namespace Edgewise.Tests.Reliability;

public sealed class RiskCarryOverTests
{
    private const long Day = 86_400L * 1_000_000_000L;
    private static readonly long Midnight = 20_454L * Day; // 2026-01-01T00:00Z
    private static readonly InstrumentId Btc = new("test", "BTC");

    [Fact]
    public void From_JournalAcrossMidnight_CountsTodayAfterFeesAndTheLosingStreakAtTheEnd()
    {
        (long, PositionUpdate)[] updates =
        [
            (Midnight - 1, Update(realized: -5m, fee: 0.1m, closedPnl: -5m)),   // yesterday: only the streak sees it
            (Midnight, Update(realized: 3m, fee: 0.2m, closedPnl: 3m)),          // a win ends that streak
            (Midnight + 60_000_000_000, Update(realized: 0m, fee: 0.05m)),       // an opening fill: its fee counts
            (Midnight + 120_000_000_000, Update(realized: -2m, fee: 0.05m, closedPnl: -2m)),
            (Midnight + 180_000_000_000, Update(realized: -1m, fee: 0m, closedPnl: -1m)),
        ];

        var carried = RiskCarryOver.From(updates, Midnight + Day - 1);

        // Today: (3 − 0.2) + (0 − 0.05) + (−2 − 0.05) + (−1 − 0) = −0.3; the last two round trips lost.
        Assert.Equal(new RiskCarryOver(-0.3m, 2), carried);
        Assert.Equal(new RiskCarryOver(0m, 2), RiskCarryOver.From(updates, Midnight + Day)); // the next day starts at zero
    }

    [Fact]
    public void CarryOver_DayPastTheLossLimitAndAStreak_DeniesLikeTheRunBeforeTheRestart()
    {
        var h = new EngineHarness(limits: new RiskLimits { MaxDailyLoss = 10m, MaxConsecutiveLosses = 3 });
        h.Start();
        h.Book("99", "101");

        h.Engine.Risk.CarryOver(-10.01m, 4);

        Assert.Equal((-10.01m, 4), (h.Engine.Risk.DailyRealizedPnl, h.Engine.Risk.ConsecutiveLosses));
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.DailyLoss);
        h.Clock.Advance(TimeSpan.FromDays(1)); // a new day clears the loss, not the streak
        AssertDenied(h.Limit(OrderSide.Buy, "100", 1), DenialReason.ConsecutiveLosses);
    }

    private static void AssertDenied(SubmitResult result, DenialReason reason) =>
        Assert.Equal((SubmitOutcome.Denied, reason), (result.Outcome, result.Reason));

    private static PositionUpdate Update(decimal realized, decimal fee, decimal? closedPnl = null) =>
        new(Btc, Quantity.Zero, Quantity.Zero, realized, fee, closedPnl is not null, closedPnl ?? 0m);
}
