// Applies normalized market data to the cache and publishes it on the bus, on the engine loop thread.
// Book health comes from the venue data client (BookStatus); the only health this engine derives itself is
// Crossed, toggled while the client considers the book healthy, because a crossed book must never be
// traded and uncrosses on its own. Data for an unregistered instrument is counted and skipped.
// Nothing here allocates per message. The engine calls these methods inside a dispatch: pass the EngineLoop,
// not this object, to parsers, so deferred events are drained after each message.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Engine.Messaging;

namespace Edgewise.Engine.Data;

public sealed class DataEngine : IMarketDataSink
{
    /// <summary>The reason text of a book status raised when the engine itself dropped one of the book's updates.</summary>
    public const string DroppedUpdateReason = "engine data queue overflow dropped an update";

    private const string CrossedReason = "crossed after update";
    private const string UncrossedReason = "uncrossed";

    private readonly Cache _cache;
    private readonly MessageBus _bus;

    internal DataEngine(Cache cache, MessageBus bus)
    {
        _cache = cache;
        _bus = bus;
    }

    /// <summary>Messages skipped because their instrument is not registered in the cache.</summary>
    public long UnknownInstrumentMessages { get; private set; }

    public long BookUpdates { get; private set; }

    public long Trades { get; private set; }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Instrument is null || !_cache.TryGetState(update.Instrument, out var state))
        {
            UnknownInstrumentMessages++;
            return;
        }

        var book = state.Book;
        update.ApplyTo(book);
        BookUpdates++;
        if (book.Health == BookHealth.Healthy && book.IsCrossed)
        {
            ChangeHealth(book, BookHealth.Crossed, CrossedReason, update.TsRecv);
        }
        else if (book.Health == BookHealth.Crossed && !book.IsCrossed)
        {
            ChangeHealth(book, BookHealth.Healthy, UncrossedReason, update.TsRecv);
        }

        _bus.Publish(new BookChanged(book));
    }

    public void OnTrade(in TradeTick trade)
    {
        if (!_cache.TryGetState(trade.Instrument, out var state))
        {
            UnknownInstrumentMessages++;
            return;
        }

        state.LastTrade = trade;
        state.HasTrade = true;
        Trades++;
        _bus.Publish(in trade);
    }

    public void OnQuote(in QuoteTick quote)
    {
        if (!_cache.TryGetState(quote.Instrument, out var state))
        {
            UnknownInstrumentMessages++;
            return;
        }

        state.LastQuote = quote;
        state.HasQuote = true;
        _bus.Publish(in quote);
    }

    public void OnBookStatus(in BookStatus status)
    {
        if (!_cache.TryGetState(status.Instrument, out var state))
        {
            UnknownInstrumentMessages++;
            return;
        }

        state.Book.SetHealth(status.Health);
        _bus.Publish(in status);
    }

    /// <summary>Marks a book whose update the engine dropped as having a gap, so nobody trades it until a resync.</summary>
    internal void MarkDropped(InstrumentId instrument, long tsRecv)
    {
        if (_cache.TryGetState(instrument, out var state))
        {
            ChangeHealth(state.Book, BookHealth.Gap, DroppedUpdateReason, tsRecv);
        }
    }

    private void ChangeHealth(IOrderBook book, BookHealth health, string reason, long tsRecv)
    {
        book.SetHealth(health);
        _bus.Publish(new BookStatus(book.Instrument, health, reason, tsRecv));
    }
}
