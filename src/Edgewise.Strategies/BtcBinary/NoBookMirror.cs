// Forwards a venue's market data and, for each registered market's YES book, also emits the NO instrument's book as
// its mirror image (FACTS §5.6: a YES bid at p is a NO ask at 1 − p, same size; the update kind and sequence fields
// are kept), so a data source that only knows YES books (Kalshi's YES-terms feed, the backtest's top-of-book file)
// feeds both instruments of a BinaryMarket. Book statuses and quotes are mirrored the same way; trades pass through
// once (a trade is one execution, whichever side it is named by). One reusable update: nothing allocates per message.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary;

public sealed class NoBookMirror(IMarketDataSink downstream) : IMarketDataSink
{
    private readonly Dictionary<InstrumentId, InstrumentId> _noOf = [];
    private readonly BookUpdate _mirror = new();

    /// <summary>Mirrors this market's YES book onto its NO instrument from now on.</summary>
    public void Add(BinaryMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        _noOf.Add(market.Yes.Id, market.No.Id);
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        downstream.OnBookUpdate(update);
        if (update.Instrument is null || !_noOf.TryGetValue(update.Instrument, out var no))
        {
            return;
        }

        _mirror.Reset(no, update.Kind, update.TsEvent, update.TsRecv);
        _mirror.FirstUpdateId = update.FirstUpdateId;
        _mirror.LastUpdateId = update.LastUpdateId;
        _mirror.PreviousUpdateId = update.PreviousUpdateId;
        _mirror.PriceDecimals = update.PriceDecimals;
        _mirror.SizeDecimals = update.SizeDecimals;
        foreach (ref readonly var level in update.Levels)
        {
            _mirror.Add(level.Side == BookSide.Bid ? BookSide.Ask : BookSide.Bid, BinaryContract.Complement(level.Price), level.Size);
        }

        downstream.OnBookUpdate(_mirror);
    }

    public void OnTrade(in TradeTick trade) => downstream.OnTrade(trade);

    public void OnQuote(in QuoteTick quote)
    {
        downstream.OnQuote(quote);
        if (_noOf.TryGetValue(quote.Instrument, out var no))
        {
            downstream.OnQuote(quote with
            {
                Instrument = no,
                Bid = BinaryContract.Complement(quote.Ask),
                BidSize = quote.AskSize,
                Ask = BinaryContract.Complement(quote.Bid),
                AskSize = quote.BidSize,
            });
        }
    }

    public void OnBookStatus(in BookStatus status)
    {
        downstream.OnBookStatus(status);
        if (_noOf.TryGetValue(status.Instrument, out var no))
        {
            downstream.OnBookStatus(status with { Instrument = no });
        }
    }
}
