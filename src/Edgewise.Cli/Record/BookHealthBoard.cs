// Where a recording's data clients send their validated market data: the recorder keeps no books, only the last
// health each client reported per instrument (for the status view) and counts of what arrived. Called under each
// client's lock, so it does nothing slow: one small lock of its own.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;

namespace Edgewise.Cli.Record;

internal sealed class BookHealthBoard : IMarketDataSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<InstrumentId, BookHealth> _health = [];
    private long _events;

    /// <summary>Book updates, trades and quotes received.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>"healthy", or the instruments that are not ("BTC-USD gap"); "no book yet" before any status.</summary>
    public string Describe(string venue)
    {
        lock (_gate)
        {
            var books = _health.Where(h => h.Key.Venue == venue).ToList();
            if (books.Count == 0)
            {
                return "no book yet";
            }

            var unhealthy = books.Where(b => b.Value != BookHealth.Healthy).Select(b => $"{b.Key.Symbol} {b.Value}").ToList();
            return unhealthy.Count == 0 ? "healthy" : string.Join(", ", unhealthy);
        }
    }

    public void OnBookUpdate(BookUpdate update) => Interlocked.Increment(ref _events);

    public void OnTrade(in TradeTick trade) => Interlocked.Increment(ref _events);

    public void OnQuote(in QuoteTick quote) => Interlocked.Increment(ref _events);

    public void OnBookStatus(in BookStatus status)
    {
        lock (_gate)
        {
            _health[status.Instrument] = status.Health;
        }
    }
}
