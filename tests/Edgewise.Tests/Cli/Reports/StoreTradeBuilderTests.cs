using Edgewise.Cli.Reports;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;

namespace Edgewise.Tests.Cli.Reports;

public sealed class StoreTradeBuilderTests
{
    private static readonly InstrumentId Perp = new("venue", "BTC-PERP");

    private static FillRecord Fill(OrderSide side, decimal quantity, decimal price, decimal fee, long ts) =>
        new(1, Perp, "t" + ts, "o" + ts, "s", side, Price.FromDecimal(price), Quantity.FromDecimal(quantity), LiquiditySide.Taker, fee, ts, ts);

    [Fact]
    public void Build_FillLargerThanTheHolding_ClosesTheShortAndOpensALongWithTheRemainderAndSplitFee()
    {
        // Sell 3 @ 100 (fee 0.30) opens a short; buy 5 @ 90 (fee 0.50) closes 3 (fee 0.30) and opens a long of 2 (fee 0.20).
        // Short P&L: 3 × 100 - 3 × 90 - 0.30 - 0.30 = 300 - 270 - 0.60 = 29.40.
        var builder = StoreTradeBuilder.Build([Fill(OrderSide.Sell, 3m, 100m, 0.30m, 1), Fill(OrderSide.Buy, 5m, 90m, 0.50m, 2)], [], []);

        var trades = builder.Trades();

        Assert.Equal(2, trades.Count);
        Assert.Equal(("short", 3m, 100m, (decimal?)90m, (decimal?)29.40m, 0.60m),
            (trades[0].Direction, trades[0].Quantity, trades[0].EntryPrice, trades[0].ExitPrice, trades[0].NetPnl, trades[0].Fees));
        Assert.Equal(("long", 2m, 90m, (decimal?)null, (decimal?)null, 0.20m),
            (trades[1].Direction, trades[1].Quantity, trades[1].EntryPrice, trades[1].ExitPrice, trades[1].NetPnl, trades[1].Fees));
    }

    [Fact]
    public void Build_MultiplierAndFunding_FollowThePortfolioCashRules()
    {
        // Multiplier 0.01: buy 100 @ 50 000 costs 100 × 50 000 × 0.01 = 50 000; funding -12.5 while open;
        // sell 100 @ 50 100 brings 50 100; P&L = 100 - 12.5 - fees (1 + 1) = 85.5.
        var position = new PositionRecord(1, Perp, Quantity.Zero, 0m, 0.01m, 100m, 2m, -12.5m, 1, 3, 5);
        var funding = new LedgerEntryRecord(1, 2, new LedgerEntry(2, LedgerEntryKind.Funding, Perp, -12.5m, 0m, null));
        var builder = StoreTradeBuilder.Build(
            [Fill(OrderSide.Buy, 100m, 50_000m, 1m, 1), Fill(OrderSide.Sell, 100m, 50_100m, 1m, 3)], [funding], [position]);

        var trade = Assert.Single(builder.Trades());

        Assert.Equal(85.5m, trade.NetPnl);
        Assert.Equal(0m, builder.UnattributedFunding);
    }

    [Fact]
    public void Build_PayoutWithoutAnOpenTrade_IsCountedNotInvented()
    {
        var payout = new LedgerEntryRecord(1, 0, new LedgerEntry(5, LedgerEntryKind.SettlementPayout, Perp, 3m, 3m, null));

        var builder = StoreTradeBuilder.Build([], [payout], []);

        Assert.Empty(builder.Trades());
        Assert.Equal(1, builder.UnmatchedPayouts);
    }
}
