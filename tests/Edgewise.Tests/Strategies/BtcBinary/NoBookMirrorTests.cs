using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Strategies.BtcBinary;
using Edgewise.TestKit;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class NoBookMirrorTests
{
    private static readonly BinaryMarket Market = BinaryMarket.AtLeastStrike("kalshi", "KXBTC15M-26FEB020300-00", StrategyHarness.Open,
        StrategyHarness.Open.AddMinutes(15), 100_000m, new KalshiFeeModel(KalshiFeeType.Quadratic, 1m), TickGrid.TaperedDeciCent, Quantity.FromDecimal(1m));

    [Fact]
    public void OnBookUpdate_YesLevels_AlsoGoOutAsMirroredNoLevels()
    {
        var sink = new RecordingSink();
        var mirror = new NoBookMirror(sink);
        mirror.Add(Market);
        var update = new BookUpdate();
        update.Reset(Market.Yes.Id, BookUpdateKind.SignedDelta, 5, 6);
        update.LastUpdateId = 42;
        update.Add(BookSide.Bid, Price.FromDecimal(0.45m), Quantity.FromDecimal(10m));
        update.Add(BookSide.Ask, Price.FromDecimal(0.095m), Quantity.FromDecimal(-3m));

        mirror.OnBookUpdate(update);

        Assert.Equal(2, sink.BookUpdates.Count);
        var no = sink.BookUpdates[1];
        Assert.Equal((Market.No.Id, BookUpdateKind.SignedDelta, 5L, 6L, 42L), (no.Instrument, no.Kind, no.TsEvent, no.TsRecv, no.LastUpdateId));
        // A YES bid at 0.45 is a NO ask at 0.55; a YES ask at 0.095 is a NO bid at 0.905; sizes unchanged.
        Assert.Equal(
            [new BookLevelChange(BookSide.Ask, Price.FromDecimal(0.55m), Quantity.FromDecimal(10m)),
             new BookLevelChange(BookSide.Bid, Price.FromDecimal(0.905m), Quantity.FromDecimal(-3m))],
            no.Levels.ToArray());
    }

    [Fact]
    public void OnBookStatusAndQuote_YesInstrument_AreMirroredOntoNo()
    {
        var sink = new RecordingSink();
        var mirror = new NoBookMirror(sink);
        mirror.Add(Market);

        mirror.OnBookStatus(new BookStatus(Market.Yes.Id, BookHealth.Gap, "gap", 7));
        mirror.OnQuote(new QuoteTick(Market.Yes.Id, Price.FromDecimal(0.3m), Quantity.FromDecimal(5m), Price.FromDecimal(0.32m), Quantity.FromDecimal(8m), null, 1, 2));

        Assert.Equal([Market.Yes.Id, Market.No.Id], sink.Statuses.Select(static s => s.Instrument).ToList());
        Assert.Equal(BookHealth.Gap, sink.Statuses[1].Health);
        var no = sink.Quotes[1];
        Assert.Equal((0.68m, 8m, 0.7m, 5m), (no.Bid.ToDecimal(), no.BidSize.ToDecimal(), no.Ask.ToDecimal(), no.AskSize.ToDecimal()));
    }

    [Fact]
    public void OnBookUpdate_OtherInstrument_PassesThroughOnce()
    {
        var sink = new RecordingSink();
        var mirror = new NoBookMirror(sink);
        var update = new BookUpdate();
        update.Reset(new InstrumentId("kalshi", "OTHER"), BookUpdateKind.Snapshot, 1, 1);

        mirror.OnBookUpdate(update);

        Assert.Single(sink.BookUpdates);
    }
}
