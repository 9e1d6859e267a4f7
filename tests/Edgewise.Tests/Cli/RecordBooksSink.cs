using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.TestKit;

namespace Edgewise.Tests.Cli;

/// <summary>
/// The downstream of a recording in tests: keeps every book the live clients built (applying their updates as the engine
/// would) so they can be compared level by level with a replay, and forwards everything to an AwaitingSink for waiting.
/// </summary>
internal sealed class RecordBooksSink : IMarketDataSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<InstrumentId, SortedOrderBook> _books = [];
    private readonly Dictionary<InstrumentId, BookHealth> _health = [];

    public AwaitingSink Awaiting { get; } = new();

    public IReadOnlyList<InstrumentId> Instruments
    {
        get
        {
            lock (_gate)
            {
                return [.. _books.Keys];
            }
        }
    }

    public BookHealth HealthOf(InstrumentId id)
    {
        lock (_gate)
        {
            return _health.GetValueOrDefault(id, BookHealth.AwaitingSnapshot);
        }
    }

    /// <summary>The book's levels, best first, as "price x size".</summary>
    public IReadOnlyList<string> Levels(InstrumentId id, BookSide side)
    {
        lock (_gate)
        {
            return _books.TryGetValue(id, out var book) ? LevelsOf(book, side) : [];
        }
    }

    public static IReadOnlyList<string> LevelsOf(IOrderBook book, BookSide side)
    {
        var levels = new BookLevel[side == BookSide.Bid ? book.BidCount : book.AskCount];
        book.CopyLevels(side, levels);
        return [.. levels.Select(l => $"{l.Price} x {l.Size}")];
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            if (!_books.TryGetValue(update.Instrument!, out var book))
            {
                book = OrderBookFactory.ForUnbounded(update.Instrument!);
                _books.Add(update.Instrument!, book);
            }

            update.ApplyTo(book);
        }

        Awaiting.OnBookUpdate(update);
    }

    public void OnTrade(in TradeTick trade) => Awaiting.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => Awaiting.OnQuote(quote);

    public void OnBookStatus(in BookStatus status)
    {
        lock (_gate)
        {
            _health[status.Instrument] = status.Health;
        }

        Awaiting.OnBookStatus(status);
    }
}
