// Kraken's book sync as replay needs it. KrakenBookSync verifies every book message's CRC32, for which it needs the
// symbol's price and qty precision and the subscribed depth before the book's first message; a live client knows
// both from its options, a capture states neither. So the first snapshot of a symbol registers it: the precision
// from the same table the live client uses (BTC/USD built in, venues.kraken.precisions for the rest), the depth as
// the smallest valid subscription depth (10, 25, 100, 500, 1000) that holds the snapshot's larger side (Kraken
// sends exactly the subscribed depth per side when the market is that deep). Book messages of a symbol whose
// precision is unknown cannot be verified: they are skipped and counted, and the first one is reported; its trades
// and tickers still pass. Deltas before a symbol's first snapshot are skipped as the sync would skip them.
using Edgewise.Core.Books;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kraken;

namespace Edgewise.Cli.Replay;

internal sealed class KrakenReplaySync : IMarketDataSink, IBookSyncStats
{
    private static readonly int[] Depths = [10, 25, 100, 500, 1000];

    private readonly KrakenBookSync _sync;
    private readonly IReadOnlyDictionary<string, KrakenPrecision> _precisions;
    private readonly HashSet<InstrumentId> _registered = [];
    private InstrumentId? _lastRegistered;

    public KrakenReplaySync(IMarketDataSink downstream, IReadOnlyDictionary<string, KrakenPrecision> precisions)
    {
        ArgumentNullException.ThrowIfNull(precisions);
        _sync = new KrakenBookSync(downstream);
        _precisions = precisions;
    }

    public long Gaps => _sync.Gaps;

    public long Resyncs => _sync.Resyncs;

    public long ChecksumFailures => _sync.ChecksumFailures;

    /// <summary>Book messages skipped because their symbol's precision is unknown.</summary>
    public long UnverifiableBookMessages { get; private set; }

    /// <summary>The first symbol whose book could not be verified, as a sentence for the summary; null when none.</summary>
    public string? FirstProblem { get; private set; }

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = update.Instrument!;
        if (!ReferenceEquals(id, _lastRegistered) && !_registered.Contains(id) && !TryRegister(update))
        {
            return;
        }

        _lastRegistered = id;
        _sync.OnBookUpdate(update);
    }

    public void OnTrade(in TradeTick trade) => _sync.OnTrade(trade);

    public void OnQuote(in QuoteTick quote) => _sync.OnQuote(quote);

    public void OnBookStatus(in BookStatus status) => _sync.OnBookStatus(status);

    private bool TryRegister(BookUpdate update)
    {
        var id = update.Instrument!;
        if (!_precisions.TryGetValue(id.Symbol, out var precision))
        {
            UnverifiableBookMessages++;
            FirstProblem ??= $"kraken {id.Symbol}: no price/qty precision known (venues.kraken.precisions), so its book messages were skipped";
            return false;
        }

        if (update.Kind != BookUpdateKind.Snapshot)
        {
            return false; // before the first snapshot: nothing to apply it to
        }

        int bids = 0, asks = 0;
        foreach (var level in update.Levels)
        {
            if (level.Side == BookSide.Bid)
            {
                bids++;
            }
            else
            {
                asks++;
            }
        }

        var needed = Math.Max(bids, asks);
        var depth = Depths.FirstOrDefault(d => d >= needed, Depths[^1]);
        _sync.Register(id, precision.Price, precision.Qty, depth);
        _registered.Add(id);
        return true;
    }
}
