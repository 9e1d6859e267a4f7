using Edgewise.Core.Contracts;
using Edgewise.Core.Events;

namespace Edgewise.TestKit;

/// <summary>An IMarketDataSink that keeps a copy of everything it receives, in order, for assertions.</summary>
public sealed class RecordingSink : IMarketDataSink
{
    public List<BookUpdate> BookUpdates { get; } = [];

    public List<TradeTick> Trades { get; } = [];

    public List<QuoteTick> Quotes { get; } = [];

    public List<BookStatus> Statuses { get; } = [];

    /// <summary>Every event in arrival order, as "book:&lt;kind&gt;:&lt;last id&gt;", "trade", "quote" or "status:&lt;health&gt;".</summary>
    public List<string> Sequence { get; } = [];

    public void OnBookUpdate(BookUpdate update)
    {
        var copy = new BookUpdate();
        copy.CopyFrom(update);
        BookUpdates.Add(copy);
        Sequence.Add($"book:{update.Kind}:{update.LastUpdateId}");
    }

    public void OnTrade(in TradeTick trade)
    {
        Trades.Add(trade);
        Sequence.Add("trade");
    }

    public void OnQuote(in QuoteTick quote)
    {
        Quotes.Add(quote);
        Sequence.Add("quote");
    }

    public void OnBookStatus(in BookStatus status)
    {
        Statuses.Add(status);
        Sequence.Add($"status:{status.Health}");
    }
}
