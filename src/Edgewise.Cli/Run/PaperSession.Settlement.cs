// Settlement of a run's Kalshi positions (paper and live alike): every market the tracker closes is handed to a
// KalshiSettlementWatcher, which reads GET /markets/{ticker} until it shows "yes" or "no". The result is applied on the loop
// thread: the YES instrument settles at 1 or 0 and the NO instrument at the complement, through EngineLoop.OnSettlement
// (ledger SettlementPayout, PositionSettled on the bus, so the strategy closes its trade and StoreRecorder stores the position
// and ledger rows). Only instruments holding a position are settled, so flat NO instruments do not appear as position rows.
// Live, Kalshi pays the account itself; the engine books the same payout so its ledger mirrors the venue's.
// results.json lists the settlements seen (ticker, result, when).
using System.Text.Json;
using Edgewise.Cli.Recovery;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Loop;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    private readonly List<KalshiSettlement> _settlements = [];

    /// <summary>The settlement watcher will next read a closed market at this time (raised after its timer exists).</summary>
    public event Action<DateTimeOffset>? SettlementWakeScheduled;

    /// <summary>Settlements applied so far, in order.</summary>
    public IReadOnlyList<KalshiSettlement> Settlements
    {
        get
        {
            lock (_gate)
            {
                return [.. _settlements];
            }
        }
    }

    /// <summary>Runs the market tracker and, beside it, the watcher that settles the markets it closes.</summary>
    private Task RunMarketsAsync(EngineLoop engine, KalshiMarketTracker tracker, KalshiRestClient rest, CancellationToken ct)
    {
        var watcher = new KalshiSettlementWatcher(rest, _clock, _settings.SettlementPollInterval);
        tracker.MarketClosed += market => watcher.Watch(market.Contract.Id.Symbol, market.Contract.CloseTime);
        watcher.MarketSettled += settlement => engine.Post(() => ApplySettlement(engine, settlement));
        watcher.MarketUnsettled += (ticker, why) => _output.WriteLine($"kalshi: market {ticker} left unsettled: {why}");
        watcher.WakeScheduled += at => SettlementWakeScheduled?.Invoke(at);
        WatchRestoredPositions(watcher);
        return Task.WhenAll(tracker.RunAsync(ct), watcher.RunAsync(ct));
    }

    /// <summary>
    /// A resumed run may hold contracts of a market that closed while the process was down, which the tracker never sees: each
    /// restored position's market is watched from its close (read from the ticker; from now when the ticker does not say), so it
    /// is settled like any other. A market the tracker closes later is the same watch (one per ticker).
    /// </summary>
    private void WatchRestoredPositions(KalshiSettlementWatcher watcher)
    {
        foreach (var position in _recovery.Portfolio.Positions)
        {
            if (position.IsFlat || position.Instrument.Venue != Venue)
            {
                continue;
            }

            var symbol = position.Instrument.Symbol;
            var ticker = symbol.EndsWith(BinaryMarket.NoSuffix, StringComparison.Ordinal) ? symbol[..^BinaryMarket.NoSuffix.Length] : symbol;
            if (KalshiTicker.TryParseCloseTime(ticker, out var close, out var error))
            {
                watcher.Watch(ticker, close);
            }
            else
            {
                // Not a KXBTC15M ticker (an hourly strike, say): read the market now, then every poll, until it shows a result.
                watcher.Watch(ticker, _clock.GetUtcNow());
                _output.WriteLine($"recovery: position {position.Instrument}: {error}; its market is read now and every " +
                    $"{_settings.SettlementPollInterval.TotalSeconds:0.#} s until it shows a result");
            }
        }
    }

    /// <summary>On the loop thread: settles the market's YES and NO instruments that hold a position.</summary>
    private void ApplySettlement(EngineLoop engine, KalshiSettlement settlement)
    {
        var tsNs = settlement.ObservedAt.ToUnixTimeMilliseconds() * 1_000_000;
        var yesPays = settlement.Result == OutcomeSide.Yes;
        var settled = new List<string>();
        foreach (var (id, pays) in new[]
        {
            (new InstrumentId(Venue, settlement.Ticker), yesPays),
            (new InstrumentId(Venue, settlement.Ticker + BinaryMarket.NoSuffix), !yesPays),
        })
        {
            if (engine.Cache.Portfolio.TryGetPosition(id, out var position) && !position.IsFlat)
            {
                if (!engine.Cache.TryGetInstrument(id, out _))
                {
                    // A restored position whose market this run never opened (it closed while the process was down): the engine
                    // books a settlement only for an instrument it knows, and the id and multiplier are all the booking needs.
                    engine.Cache.AddInstrument(new RecoveredInstrument(id, position.Multiplier));
                }

                settled.Add($"{position.NetQuantity} {id.Symbol} at {(pays ? 1 : 0)}");
                engine.OnSettlement(id, pays ? BinaryContract.One : Price.Zero, tsNs);
            }
        }

        lock (_gate)
        {
            _settlements.Add(settlement);
        }

        var text = settled.Count == 0 ? "no position" : string.Join(", ", settled);
        _output.WriteLine($"kalshi: market {settlement.Ticker} settled {(yesPays ? "yes" : "no")} ({text})");
    }

    private void WriteSettlements(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("settlements");
        foreach (var settlement in Settlements)
        {
            writer.WriteStartObject();
            writer.WriteString("market", settlement.Ticker);
            writer.WriteString("result", settlement.Result == OutcomeSide.Yes ? "yes" : "no");
            writer.WriteString("status", settlement.Status);
            writer.WriteString("observed_at", settlement.ObservedAt.ToString("O", Inv));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
