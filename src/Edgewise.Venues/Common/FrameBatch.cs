// What one frame produced, held until the whole frame has been read and checked, so a parser emits
// all of it or none of it. Venues batch several products, trades or tickers in one frame (Coinbase
// "events", Kraken "data"), which a single reusable BookUpdate cannot hold. Storage is kept between
// frames, so a warm parser allocates nothing here.
using Edgewise.Core.Events;

namespace Edgewise.Venues.Common;

internal sealed class FrameBatch
{
    /// <summary>Marks a time not given by the message itself, to be filled from the envelope when it is emitted.</summary>
    public const long NoTime = long.MinValue;

    private readonly List<BookUpdate> _books = [];
    private TradeTick[] _trades = new TradeTick[16];
    private QuoteTick[] _quotes = new QuoteTick[4];

    public int BookCount { get; private set; }

    public int TradeCount { get; private set; }

    public int QuoteCount { get; private set; }

    public void Clear()
    {
        BookCount = 0;
        TradeCount = 0;
        QuoteCount = 0;
    }

    /// <summary>A cleared update for the next book in the frame; its instrument and kind are set by the caller.</summary>
    public BookUpdate NextBook(long tsRecv)
    {
        if (BookCount == _books.Count)
        {
            _books.Add(new BookUpdate());
        }

        var book = _books[BookCount++];
        book.Reset(null!, BookUpdateKind.Delta, NoTime, tsRecv);
        return book;
    }

    public BookUpdate Book(int index) => index < BookCount ? _books[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void AddTrade(in TradeTick trade)
    {
        if (TradeCount == _trades.Length)
        {
            Array.Resize(ref _trades, _trades.Length * 2);
        }

        _trades[TradeCount++] = trade;
    }

    public ref TradeTick Trade(int index) => ref _trades.AsSpan(0, TradeCount)[index];

    public void AddQuote(in QuoteTick quote)
    {
        if (QuoteCount == _quotes.Length)
        {
            Array.Resize(ref _quotes, _quotes.Length * 2);
        }

        _quotes[QuoteCount++] = quote;
    }

    public ref QuoteTick Quote(int index) => ref _quotes.AsSpan(0, QuoteCount)[index];

    /// <summary>Orders the trades oldest first (by venue time, then id), keeping arrival order for ties; no allocation.</summary>
    public void SortTradesByTime()
    {
        var trades = _trades.AsSpan(0, TradeCount);
        for (var i = 1; i < trades.Length; i++)
        {
            var current = trades[i];
            var j = i - 1;
            while (j >= 0 && IsAfter(trades[j], current))
            {
                trades[j + 1] = trades[j];
                j--;
            }

            trades[j + 1] = current;
        }
    }

    private static bool IsAfter(in TradeTick a, in TradeTick b) =>
        a.TsEvent > b.TsEvent || (a.TsEvent == b.TsEvent && a.TradeId > b.TradeId);
}
