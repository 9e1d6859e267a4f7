// Kalshi order-book synchronisation (FACTS §5.5), as a filter between KalshiParser and the engine.
// Sequence: seq is per subscription (sid), not per market, and runs +1 across the subscription's snapshots and deltas for all of
// its markets. So a missing seq may have belonged to any market of the sid: every synced book of that sid is marked Gap, and the
// client is asked (SnapshotRequested) to send get_snapshot for the sid, which brings a fresh orderbook_snapshot per market without
// resubscribing. Each snapshot makes its market healthy again (Resyncs counts recoveries); a snapshot that itself arrives after a
// jump repairs its own market and breaks the others.
// Deltas before a market's snapshot are DROPPED, not buffered: Kalshi's snapshot is sent in the same sequenced stream, so a delta
// with a lower seq is already contained in it, and one for a market whose snapshot has not come is covered by the snapshot the
// client is asked for. A seq at or below the last one seen is a duplicate and is dropped. Only validated updates go downstream, so
// the engine's book is never built from a broken sequence.
// Prices must be on the book's bucket grid (the instrument's MinTick), or the engine's dense book would refuse them; an off-grid
// update is refused whole and its market treated like a gap. A REST snapshot (sid 0) carries no seq: it is applied only to a
// market with no live subscription (polling); beside a subscription it cannot be placed in the sequence and is ignored.
// Error codes 10 and 25 end a subscription: its books are marked Gap and ResubscribeRequested names the markets to subscribe anew.
// Subscriptions live as long as their connection: OnReconnect forgets them all and puts every book back to awaiting a snapshot.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed class KalshiBookSync : IMarketDataSink, IBookSyncStats
{
    private const string GapReason = "sequence gap";
    private const string OffGridReason = "price off the book's grid";

    private readonly IMarketDataSink _downstream;
    private readonly KalshiParser _parser;
    private readonly Func<InstrumentId, Price> _bookTick;
    private readonly Dictionary<long, Subscription> _subscriptions = [];
    private readonly Dictionary<InstrumentId, Market> _markets = [];
    private readonly Dictionary<long, long> _sidByCommand = [];
    private Market? _lastMarket;

    /// <param name="downstream">Where validated updates and book statuses go (the engine).</param>
    /// <param name="parser">The parser feeding this sync: it tells the subscription of each update and reports command replies.</param>
    /// <param name="bookTick">The bucket width of each market's engine book (its MinTick), to refuse prices the book cannot hold.</param>
    public KalshiBookSync(IMarketDataSink downstream, KalshiParser parser, Func<InstrumentId, Price> bookTick)
    {
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(bookTick);
        _downstream = downstream;
        _parser = parser;
        _bookTick = bookTick;
        parser.ControlReceived += OnControl;
    }

    /// <summary>Raised with a sid whose books need fresh snapshots: send <see cref="KalshiCommands.GetSnapshot"/> for it.</summary>
    public event Action<long>? SnapshotRequested;

    /// <summary>Raised when a subscription ended with a terminal error: subscribe its markets again.</summary>
    public event Action<KalshiSubscriptionLost>? ResubscribeRequested;

    public long Gaps { get; private set; }

    public long Resyncs { get; private set; }

    /// <summary>Kalshi sends no checksum.</summary>
    public long ChecksumFailures => 0;

    /// <summary>Messages whose seq was not above the last one seen on their subscription (duplicates).</summary>
    public long StaleDropped { get; private set; }

    /// <summary>Deltas for a market without a valid snapshot, dropped because the next snapshot covers them.</summary>
    public long UnsyncedDropped { get; private set; }

    /// <summary>Updates refused because a price was not on the book's grid.</summary>
    public long OffGridRefused { get; private set; }

    /// <summary>REST snapshots ignored because the market has a live subscription whose sequence they cannot join.</summary>
    public long RestSnapshotsIgnored { get; private set; }

    /// <summary>
    /// The connection ended: Kalshi numbers subscriptions per connection, so every subscription is forgotten (the next
    /// connection's sid 1 is a new stream with its own seq), and every synced book waits for a snapshot again.
    /// </summary>
    public void OnReconnect(long tsRecv)
    {
        foreach (var market in _markets.Values)
        {
            Unsync(market, BookHealth.AwaitingSnapshot, "reconnect", tsRecv);
            market.Subscription = null;
        }

        _subscriptions.Clear();
        _sidByCommand.Clear();
    }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var market = Find(update.Instrument!);
        var sid = _parser.CurrentSid;
        if (sid == 0)
        {
            OnRestSnapshot(market, update);
            return;
        }

        var subscription = SubscriptionFor(sid);
        if (!ReferenceEquals(market.Subscription, subscription))
        {
            Move(market, subscription, update.TsRecv);
        }

        var seq = update.LastUpdateId;
        if (subscription.NextSeq != 0)
        {
            if (seq < subscription.NextSeq)
            {
                StaleDropped++;
                return;
            }

            if (seq > subscription.NextSeq)
            {
                BreakSequence(subscription, update.Kind == BookUpdateKind.Snapshot ? market : null, update.TsRecv);
            }
        }

        subscription.NextSeq = seq + 1;
        if (!IsOnGrid(update, market.Tick))
        {
            OffGridRefused++;
            Unsync(market, BookHealth.Gap, OffGridReason, update.TsRecv);
            RequestSnapshot(subscription, force: true);
            return;
        }

        if (update.Kind == BookUpdateKind.Snapshot)
        {
            ApplySnapshot(market, update);
            return;
        }

        if (!market.Synced)
        {
            UnsyncedDropped++;
            RequestSnapshot(subscription, force: false);
            return;
        }

        _downstream.OnBookUpdate(update);
    }

    public void OnTrade(in TradeTick trade) => _downstream.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => _downstream.OnQuote(quote);

    public void OnBookStatus(in BookStatus status) => _downstream.OnBookStatus(status);

    private void OnRestSnapshot(Market market, BookUpdate snapshot)
    {
        if (market.Subscription is not null)
        {
            RestSnapshotsIgnored++;
            return;
        }

        if (!IsOnGrid(snapshot, market.Tick))
        {
            OffGridRefused++;
            Unsync(market, BookHealth.Gap, OffGridReason, snapshot.TsRecv);
            return;
        }

        ApplySnapshot(market, snapshot);
    }

    private void ApplySnapshot(Market market, BookUpdate snapshot)
    {
        if (market.SnapshotsApplied > 0)
        {
            Resyncs++;
        }

        market.SnapshotsApplied++;
        market.Synced = true;
        _downstream.OnBookUpdate(snapshot);
        _downstream.OnBookStatus(new BookStatus(market.Instrument, BookHealth.Healthy, "snapshot", snapshot.TsRecv));
        if (market.Subscription is { } subscription && subscription.Markets.TrueForAll(m => m.Synced))
        {
            subscription.SnapshotRequested = false;
        }
    }

    /// <summary>A seq was skipped: any market of the subscription may have missed it.</summary>
    private void BreakSequence(Subscription subscription, Market? repairedBySnapshot, long tsRecv)
    {
        Gaps++;
        foreach (var market in subscription.Markets)
        {
            if (!ReferenceEquals(market, repairedBySnapshot))
            {
                Unsync(market, BookHealth.Gap, GapReason, tsRecv);
            }
        }

        RequestSnapshot(subscription, force: true);
    }

    private void Unsync(Market market, BookHealth health, string reason, long tsRecv)
    {
        if (!market.Synced)
        {
            return;
        }

        market.Synced = false;
        _downstream.OnBookStatus(new BookStatus(market.Instrument, health, reason, tsRecv));
    }

    /// <summary>Asks for get_snapshot; unless forced (a new gap), not again while an earlier request is still being answered.</summary>
    private void RequestSnapshot(Subscription subscription, bool force)
    {
        if (subscription.SnapshotRequested && !force)
        {
            return;
        }

        subscription.SnapshotRequested = true;
        SnapshotRequested?.Invoke(subscription.Sid);
    }

    private void OnControl(KalshiControlMessage control)
    {
        switch (control.Kind)
        {
            case KalshiControlKind.Subscribed when control is { CommandId: { } id, Sid: { } sid }:
                _sidByCommand[id] = sid;
                break;
            case KalshiControlKind.Unsubscribed when control.Sid is { } sid:
                End(sid, "unsubscribed", control.TsRecv);
                break;
            case KalshiControlKind.Error when control.EndsSubscription:
                OnSubscriptionLost(control);
                break;
        }
    }

    private void OnSubscriptionLost(KalshiControlMessage error)
    {
        long? sid = error.Sid ?? (error.CommandId is { } id && _sidByCommand.TryGetValue(id, out var known) ? known : null);
        var instruments = sid is { } s ? End(s, $"subscription ended by error {error.ErrorCode}", error.TsRecv) : [];
        ResubscribeRequested?.Invoke(new KalshiSubscriptionLost(sid, error.CommandId, error.ErrorCode!.Value, error.ErrorText, instruments));
    }

    /// <summary>Forgets a subscription; its books stop being maintained, so they are marked Gap. Returns its markets.</summary>
    private List<InstrumentId> End(long sid, string reason, long tsRecv)
    {
        if (!_subscriptions.Remove(sid, out var subscription))
        {
            return [];
        }

        var instruments = new List<InstrumentId>(subscription.Markets.Count);
        foreach (var market in subscription.Markets)
        {
            Unsync(market, BookHealth.Gap, reason, tsRecv);
            market.Subscription = null;
            instruments.Add(market.Instrument);
        }

        return instruments;
    }

    /// <summary>A market now fed by another subscription starts over from that subscription's snapshot.</summary>
    private void Move(Market market, Subscription subscription, long tsRecv)
    {
        market.Subscription?.Markets.Remove(market);
        Unsync(market, BookHealth.AwaitingSnapshot, "new subscription", tsRecv);
        market.Subscription = subscription;
        subscription.Markets.Add(market);
    }

    private static bool IsOnGrid(BookUpdate update, Price tick)
    {
        foreach (ref readonly var level in update.Levels)
        {
            if (level.Price.Raw % tick.Raw != 0)
            {
                return false;
            }
        }

        return true;
    }

    private Subscription SubscriptionFor(long sid)
    {
        if (!_subscriptions.TryGetValue(sid, out var subscription))
        {
            subscription = new Subscription(sid);
            _subscriptions.Add(sid, subscription);
        }

        return subscription;
    }

    private Market Find(InstrumentId instrument)
    {
        if (_lastMarket is not null && ReferenceEquals(_lastMarket.Instrument, instrument))
        {
            return _lastMarket;
        }

        if (!_markets.TryGetValue(instrument, out var market))
        {
            var tick = _bookTick(instrument);
            if (!tick.IsPositive)
            {
                throw new InvalidOperationException($"The book tick of {instrument} must be positive, not {tick}.");
            }

            market = new Market(instrument, tick);
            _markets.Add(instrument, market);
        }

        _lastMarket = market;
        return market;
    }

    private sealed class Subscription(long sid)
    {
        public long Sid { get; } = sid;

        /// <summary>The seq the next message must carry; 0 before the first.</summary>
        public long NextSeq { get; set; }

        public bool SnapshotRequested { get; set; }

        public List<Market> Markets { get; } = [];
    }

    private sealed class Market(InstrumentId instrument, Price tick)
    {
        public InstrumentId Instrument { get; } = instrument;

        public Price Tick { get; } = tick;

        public Subscription? Subscription { get; set; }

        public bool Synced { get; set; }

        public int SnapshotsApplied { get; set; }
    }
}
