// The Kalshi client calls its downstream under its own lock, while the market tracker adds markets to the NO mirror from
// its own loop. The mirror's market table is not thread-safe, so both go through this one lock.
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Run;

internal sealed class LockedMarketDataSink(NoBookMirror mirror) : IMarketDataSink
{
    private readonly Lock _gate = new();

    public void Add(BinaryMarket market)
    {
        lock (_gate)
        {
            mirror.Add(market);
        }
    }

    public void OnBookUpdate(BookUpdate update)
    {
        lock (_gate)
        {
            mirror.OnBookUpdate(update);
        }
    }

    public void OnTrade(in TradeTick trade)
    {
        lock (_gate)
        {
            mirror.OnTrade(trade);
        }
    }

    public void OnQuote(in QuoteTick quote)
    {
        lock (_gate)
        {
            mirror.OnQuote(quote);
        }
    }

    public void OnBookStatus(in BookStatus status)
    {
        lock (_gate)
        {
            mirror.OnBookStatus(status);
        }
    }
}
