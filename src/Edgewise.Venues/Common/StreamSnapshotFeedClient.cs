// The shared body of a venue data client whose book snapshots come in the stream (Coinbase, Kraken): one supervised
// FeedConnection, frames going parser -> venue book sync -> downstream (and to the recorder when given), and a
// SubscriptionRenewer in place of a REST snapshot fetcher: when the sync loses a book (a sequence gap, a bad checksum) it
// asks for that symbol again, and the renewer sends the venue's unsubscribe + subscribe messages, which bring a fresh
// snapshot. The parser and sync are single-threaded: frames are parsed under one lock (the renewer only sends).
//   connect    -> the venue's subscribe messages; queued renewals of the previous connection are dropped.
//   disconnect -> the sync's OnReconnect: books wait for the snapshots of the next connection's subscriptions.
// A venue supplies its parser and sync, its subscribe messages and the messages that renew one symbol's book.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Common;

public abstract class StreamSnapshotFeedClient : IFeed, IFeedHandler, IDisposable
{
    private readonly IFrameSink? _recorder;
    private readonly IVenueParser _parser;
    private readonly IMarketDataSink _sync;
    private readonly IBookSyncStats _syncStats;
    private readonly Action<long> _resyncAll;
    private readonly Lock _gate = new();

    /// <param name="parser">The venue's parser.</param>
    /// <param name="sync">The venue's book sync; its downstream is the engine's inbox, called under the lock.</param>
    /// <param name="syncStats">The same sync's counters (gaps, resyncs, checksum failures).</param>
    /// <param name="resyncAll">The sync's OnReconnect: every book back to awaiting a snapshot.</param>
    /// <param name="streamUri">The WebSocket to connect to.</param>
    /// <param name="settings">Connection and backoff settings.</param>
    /// <param name="clock">Every wait and every receive time comes from it.</param>
    /// <param name="recorder">Receives every WS frame as received, for captures; null for none.</param>
    /// <param name="random">Jitter for reconnect delays; <see cref="Random.Shared"/> when null.</param>
    protected StreamSnapshotFeedClient(IVenueParser parser, IMarketDataSink sync, IBookSyncStats syncStats, Action<long> resyncAll,
        Uri streamUri, FeedConnectionSettings settings, TimeProvider clock, IFrameSink? recorder, Random? random)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(syncStats);
        ArgumentNullException.ThrowIfNull(resyncAll);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        _parser = parser;
        _sync = sync;
        _syncStats = syncStats;
        _resyncAll = resyncAll;
        _recorder = recorder;
        Connection = new FeedConnection(parser.Venue, streamUri, settings, this, clock, random);
        Renewals = new SubscriptionRenewer(Connection, RenewMessages);
    }

    public string Name => _parser.Venue;

    /// <summary>The supervised socket (state, StateChanged, RequestReconnect).</summary>
    public FeedConnection Connection { get; }

    public IBookSyncStats BookStats => _syncStats;

    /// <summary>The book resubscriptions sent after a lost book (counters).</summary>
    public SubscriptionRenewer Renewals { get; }

    public Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(Connection.RunAsync, Renewals.RunAsync, ct);

    public FeedHealth GetHealth() => Connection.GetHealth() with
    {
        Gaps = _syncStats.Gaps,
        Resyncs = _syncStats.Resyncs,
        ChecksumFailures = _syncStats.ChecksumFailures,
    };

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The messages sent on every connect, in order.</summary>
    protected abstract IEnumerable<string> SubscribeMessages();

    /// <summary>The messages that bring a fresh snapshot of one symbol's book (unsubscribe, then subscribe).</summary>
    protected abstract IReadOnlyList<string> RenewMessages(string symbol);

    /// <summary>Called by the venue's sync inside a parse (under the lock): queues the renewal, never sends here.</summary>
    protected void RequestRenewal(InstrumentId instrument) => Renewals.Request(instrument.Symbol);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Connection.Dispose();
        }
    }

    async ValueTask IFeedHandler.OnConnectedAsync(FeedConnection connection, long connectionNumber, CancellationToken ct)
    {
        lock (_gate)
        {
            Renewals.Reset();
        }

        foreach (var message in SubscribeMessages())
        {
            await connection.SendTextAsync(message, ct).ConfigureAwait(false);
        }
    }

    ParseOutcome IFeedHandler.OnFrame(in RawFrame frame)
    {
        lock (_gate)
        {
            _recorder?.Write(frame);
            return _parser.Parse(frame, _sync);
        }
    }

    void IFeedHandler.OnDisconnected(string reason, long tsNs)
    {
        lock (_gate)
        {
            Renewals.Reset();
            _resyncAll(tsNs);
        }
    }
}
