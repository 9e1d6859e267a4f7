// A venue data client whose book snapshots come in the stream (Coinbase, Kraken), on SyncedFeedClient (the connection, the
// lock, parse -> sync -> downstream), with a SubscriptionRenewer in place of a REST snapshot fetcher: when the sync loses a
// book (a sequence gap, a bad checksum) it asks for that symbol again, and the renewer sends the venue's unsubscribe +
// subscribe messages, which bring a fresh snapshot (the renewer only sends; frames are parsed under the lock).
//   connect    -> the venue's subscribe messages; queued renewals of the previous connection are dropped.
//   disconnect -> the sync's OnReconnect: books wait for the snapshots of the next connection's subscriptions.
// A venue supplies its parser and sync, its subscribe messages and the messages that renew one symbol's book.
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Common;

public abstract class StreamSnapshotFeedClient : SyncedFeedClient
{
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
        : base(parser, sync, syncStats, resyncAll, streamUri, settings, clock, recorder, random ?? Random.Shared)
    {
        Renewals = new SubscriptionRenewer(Connection, RenewMessages);
    }

    /// <summary>The book resubscriptions sent after a lost book (counters).</summary>
    public SubscriptionRenewer Renewals { get; }

    public override Task RunAsync(CancellationToken ct) => FeedTasks.RunTogetherAsync(Connection.RunAsync, Renewals.RunAsync, ct);

    /// <summary>The messages sent on every connect, in order.</summary>
    protected abstract IEnumerable<string> SubscribeMessages();

    /// <summary>The messages that bring a fresh snapshot of one symbol's book (unsubscribe, then subscribe).</summary>
    protected abstract IReadOnlyList<string> RenewMessages(string symbol);

    /// <summary>Called by the venue's sync inside a parse (under the lock): queues the renewal, never sends here.</summary>
    protected void RequestRenewal(InstrumentId instrument) => Renewals.Request(instrument.Symbol);

    protected override void ResetPending() => Renewals.Reset();

    protected sealed override async ValueTask OnConnectedAsync(FeedConnection connection, CancellationToken ct)
    {
        foreach (var message in SubscribeMessages())
        {
            await connection.SendTextAsync(message, ct).ConfigureAwait(false);
        }
    }
}
