// A thread-safe IMarketDataSink for live-feed tests: it keeps a book per instrument (applying updates as the
// engine would), the last health each instrument was given, and every event in order, and lets a test await a
// condition over all of that ("healthy with best bid 50000.5") with a timeout that fails the test. Conditions
// are re-checked after every event, under the sink's lock, so no event between two checks is missed.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Simulators;

namespace Edgewise.TestKit;

public sealed class AwaitingSink : IMarketDataSink
{
    private readonly IMarketDataSink? _forwardTo;
    private readonly Lock _gate = new();
    private readonly Dictionary<InstrumentId, SortedOrderBook> _books = [];
    private readonly Dictionary<InstrumentId, BookHealth> _health = [];
    private readonly List<string> _events = [];
    private readonly List<TradeTick> _trades = [];
    private readonly List<QuoteTick> _quotes = [];
    private readonly List<(Func<AwaitingSink, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<InstrumentId, int> _updates = [];

    public AwaitingSink()
    {
    }

    /// <summary>A tap: every event goes on to <paramref name="forwardTo"/> first (say, an engine's inbox), then is recorded here.</summary>
    public AwaitingSink(IMarketDataSink forwardTo)
    {
        ArgumentNullException.ThrowIfNull(forwardTo);
        _forwardTo = forwardTo;
    }

    /// <summary>Every event so far, as "book:Snapshot:100", "trade:42", "quote", "status:Gap:sequence gap".</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<TradeTick> Trades
    {
        get
        {
            lock (_gate)
            {
                return [.. _trades];
            }
        }
    }

    public IReadOnlyList<QuoteTick> Quotes
    {
        get
        {
            lock (_gate)
            {
                return [.. _quotes];
            }
        }
    }

    /// <summary>The health last reported for the instrument (AwaitingSnapshot before any).</summary>
    public BookHealth HealthOf(InstrumentId instrument)
    {
        lock (_gate)
        {
            return _health.GetValueOrDefault(instrument, BookHealth.AwaitingSnapshot);
        }
    }

    public int Count(string eventPrefix)
    {
        lock (_gate)
        {
            return _events.Count(e => e.StartsWith(eventPrefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Book updates (snapshots and deltas) received for the instrument.</summary>
    public int UpdatesOf(InstrumentId instrument)
    {
        lock (_gate)
        {
            return _updates.GetValueOrDefault(instrument);
        }
    }

    /// <summary>Best bid and ask as "price x size" text (null for an empty side or unknown book), e.g. ("50000.5 x 0.5", "50002 x 3").</summary>
    public (string? Bid, string? Ask) Best(InstrumentId instrument)
    {
        lock (_gate)
        {
            if (!_books.TryGetValue(instrument, out var book))
            {
                return (null, null);
            }

            return (book.TryGetBestBid(out var bid) ? $"{bid.Price} x {bid.Size}" : null,
                    book.TryGetBestAsk(out var ask) ? $"{ask.Price} x {ask.Size}" : null);
        }
    }

    /// <summary>True when the instrument is healthy and its best levels are exactly these.</summary>
    public bool IsHealthyWith(InstrumentId instrument, string bid, string ask) =>
        HealthOf(instrument) == BookHealth.Healthy && Best(instrument) == (bid, ask);

    /// <summary>Completes once <paramref name="condition"/> holds; throws TimeoutException naming <paramref name="what"/> and the events seen otherwise.</summary>
    public async Task WaitUntilAsync(Func<AwaitingSink, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? SimVenueServer.DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            throw new TimeoutException($"Timed out waiting for: {what}. Events: {string.Join(", ", Events)}", ex);
        }
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _forwardTo?.OnBookUpdate(update);
        lock (_gate)
        {
            var id = update.Instrument!;
            _updates[id] = _updates.GetValueOrDefault(id) + 1;
            if (!_books.TryGetValue(id, out var book))
            {
                book = OrderBookFactory.ForUnbounded(id);
                _books.Add(id, book);
            }

            update.ApplyTo(book);
            Record($"book:{update.Kind}:{update.LastUpdateId}");
        }
    }

    public void OnTrade(in TradeTick trade)
    {
        _forwardTo?.OnTrade(in trade);
        lock (_gate)
        {
            _trades.Add(trade);
            Record($"trade:{trade.TradeId}");
        }
    }

    public void OnQuote(in QuoteTick quote)
    {
        _forwardTo?.OnQuote(in quote);
        lock (_gate)
        {
            _quotes.Add(quote);
            Record("quote");
        }
    }

    public void OnBookStatus(in BookStatus status)
    {
        _forwardTo?.OnBookStatus(in status);
        lock (_gate)
        {
            _health[status.Instrument] = status.Health;
            Record($"status:{status.Health}:{status.Reason}");
        }
    }

    private void Record(string text)
    {
        _events.Add(text);
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition(this))
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}
