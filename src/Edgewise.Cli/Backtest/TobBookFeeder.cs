// Turns each top-of-book row into book updates for the market's YES and NO instruments, so the engine, the
// strategy and the simulated venue see ordinary books. The file has no sizes: every present level gets
// AssumedLevelSize contracts (a documented assumption; the strategy is told depth is unknown). A $0 YES bid or a $1
// YES ask is an empty side. The NO book mirrors the YES book: NO bid = 1 − YES ask, NO ask = 1 − YES bid.
// The first row of an instrument is a snapshot followed by a Healthy status (as a venue client does after a
// snapshot); later rows are absolute-size deltas that remove the levels that moved and set the new ones, so the book
// stays healthy between rows.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Loop;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Backtest;

internal sealed class TobBookFeeder(EngineLoop engine, IReadOnlyDictionary<string, BinaryMarket> markets, Quantity assumedLevelSize)
{
    private static readonly Price One = Price.FromDecimal(1m);

    private readonly BookUpdate _update = new();
    private readonly Dictionary<InstrumentId, (Price? Bid, Price? Ask)> _shown = [];

    public long Updates { get; private set; }

    public void Apply(TobRow row)
    {
        var market = markets[row.Ticker];
        Price? yesBid = row.HasBid ? row.YesBid : null;
        Price? yesAsk = row.HasAsk ? row.YesAsk : null;
        Send(market.Yes.Id, yesBid, yesAsk, row.TsNs);
        Send(market.No.Id, yesAsk is { } a ? One - a : null, yesBid is { } b ? One - b : null, row.TsNs);
    }

    private void Send(InstrumentId instrument, Price? bid, Price? ask, long tsNs)
    {
        var first = !_shown.TryGetValue(instrument, out var shown);
        _update.Reset(instrument, first ? BookUpdateKind.Snapshot : BookUpdateKind.Delta, tsNs, tsNs);
        _update.PriceDecimals = 3;
        if (!first)
        {
            Remove(BookSide.Bid, shown.Bid, bid);
            Remove(BookSide.Ask, shown.Ask, ask);
        }

        Add(BookSide.Bid, bid);
        Add(BookSide.Ask, ask);
        _shown[instrument] = (bid, ask);
        engine.OnBookUpdate(_update);
        Updates++;
        if (first)
        {
            engine.OnBookStatus(new BookStatus(instrument, BookHealth.Healthy, "snapshot from the top-of-book file", tsNs));
        }
    }

    private void Remove(BookSide side, Price? before, Price? now)
    {
        if (before is { } old && before != now)
        {
            _update.Add(side, old, Quantity.Zero);
        }
    }

    private void Add(BookSide side, Price? price)
    {
        if (price is { } p)
        {
            _update.Add(side, p, assumedLevelSize);
        }
    }
}
