// Turns each top-of-book row into a YES book update for its market; a NoBookMirror in front of the engine adds the
// NO book (NO bid = 1 − YES ask, NO ask = 1 − YES bid), as it would for a live YES-terms feed. The file has no
// sizes: every present level gets AssumedLevelSize contracts (a documented assumption; the strategy is told depth is
// unknown). A $0 YES bid or a $1 YES ask is an empty side. The first row of a market is a snapshot followed by a
// Healthy status (as a venue client does after a snapshot); later rows are absolute-size deltas that remove the
// levels that moved and set the new ones, so the book stays healthy between rows.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Backtest;

internal sealed class TobBookFeeder
{
    private readonly IReadOnlyDictionary<string, BinaryMarket> _markets;
    private readonly Quantity _assumedLevelSize;
    private readonly NoBookMirror _sink;
    private readonly BookUpdate _update = new();
    private readonly Dictionary<InstrumentId, (Price? Bid, Price? Ask)> _shown = [];

    public TobBookFeeder(IMarketDataSink engine, IReadOnlyDictionary<string, BinaryMarket> markets, Quantity assumedLevelSize)
    {
        _markets = markets;
        _assumedLevelSize = assumedLevelSize;
        _sink = new NoBookMirror(engine);
        foreach (var market in markets.Values)
        {
            _sink.Add(market);
        }
    }

    /// <summary>Rows applied (each a YES book update, mirrored onto NO).</summary>
    public long Rows { get; private set; }

    public void Apply(TobRow row)
    {
        var instrument = _markets[row.Ticker].Yes.Id;
        Price? bid = row.HasBid ? row.YesBid : null;
        Price? ask = row.HasAsk ? row.YesAsk : null;
        var first = !_shown.TryGetValue(instrument, out var shown);
        _update.Reset(instrument, first ? BookUpdateKind.Snapshot : BookUpdateKind.Delta, row.TsNs, row.TsNs);
        _update.PriceDecimals = 3;
        if (!first)
        {
            Remove(BookSide.Bid, shown.Bid, bid);
            Remove(BookSide.Ask, shown.Ask, ask);
        }

        Add(BookSide.Bid, bid);
        Add(BookSide.Ask, ask);
        _shown[instrument] = (bid, ask);
        _sink.OnBookUpdate(_update);
        Rows++;
        if (first)
        {
            _sink.OnBookStatus(new BookStatus(instrument, BookHealth.Healthy, "snapshot from the top-of-book file", row.TsNs));
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
            _update.Add(side, p, _assumedLevelSize);
        }
    }
}
