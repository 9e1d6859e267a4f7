// What a paper run tells the operator: a status line (positions, trades, P&L, feed modes) every StatusInterval, a
// checkpoint (the strategy's trades and the portfolio, to the store's strategy state and to <out>/checkpoint.json) every
// CheckpointInterval, and results.json at the end. The first two run on the loop thread (posted from the clock's
// timers), because the portfolio and the strategy are the loop's; results are written after the loop has stopped.
// Money is written as exact decimal strings, never as JSON numbers.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Edgewise.Engine.Loop;
using Edgewise.Storage.Files;
using Edgewise.Strategies.Indicators;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    public const string CheckpointFile = "checkpoint.json";
    public const string ResultsFile = "results.json";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private void PrintStatus()
    {
        var engine = _engine!;
        var portfolio = engine.Cache.Portfolio;
        var open = portfolio.Positions.Count(static p => !p.IsFlat);
        var feeds = string.Join(", ", AllFeedHealth().Select(FeedText));
        _output.WriteLine(string.Create(Inv,
            $"status {_clock.GetUtcNow():u}: {engine.Risk.State}, {open} open position(s), {_strategy!.Trades.Count} trade(s), realized P&L {portfolio.RealizedPnl}, fees {portfolio.FeesPaid}, cash {portfolio.Ledger.Cash}; feeds: {feeds}; {TrackingText()}"));
        Interlocked.Increment(ref _statusLines);
    }

    private string TrackingText()
    {
        var stats = _tracking?.Stats();
        return stats?.P50AbsBps is { } p50
            ? string.Create(Inv, $"index vs BRTI: |error| p50 {p50} bps, p99 {stats.P99AbsBps} bps, bias {stats.MeanSignedBps} bps ({stats.Matched} matched, {stats.Unmatched} unmatched)")
            : string.Create(Inv, $"index vs BRTI: no comparison yet ({stats?.Unmatched ?? 0} BRTI prints without a proxy print)");
    }

    private void WriteTracking(Utf8JsonWriter writer)
    {
        var stats = _tracking?.Stats() ?? new IndexTrackingStats(0, 0, null, null, null);
        writer.WriteStartObject("index_tracking");
        writer.WriteString("reference", "Kalshi cfbenchmarks_value BRTI");
        writer.WriteNumber("matched", stats.Matched);
        writer.WriteNumber("unmatched", stats.Unmatched);
        WriteBps(writer, "p50_abs_bps", stats.P50AbsBps);
        WriteBps(writer, "p99_abs_bps", stats.P99AbsBps);
        WriteBps(writer, "mean_signed_bps", stats.MeanSignedBps);
        writer.WriteEndObject();
    }

    private static void WriteBps(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } bps)
        {
            writer.WriteString(name, bps.ToString(Inv));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private string FeedText(Venues.Common.FeedHealth health) =>
        health.Feed == Venue && _kalshi is { } kalshi ? $"{health.Feed} {health.State} ({kalshi.Mode})" : $"{health.Feed} {health.State}";

    private void WriteCheckpoint()
    {
        var json = Render(writer =>
        {
            writer.WriteNumber("run_id", _runId);
            writer.WriteString("at", _clock.GetUtcNow().ToString("O", Inv));
            WriteState(writer, _engine!);
        });
        _recorder!.SaveStrategyState(StrategyId, json);
        AtomicFile.WriteAllText(Path.Combine(_outDirectory, CheckpointFile), json);
        var count = Interlocked.Increment(ref _checkpoints);
        CheckpointWritten?.Invoke(count);
    }

    private string WriteResults(EngineLoop engine, string exitReason)
    {
        var path = Path.Combine(_outDirectory, ResultsFile);
        var json = Render(writer =>
        {
            writer.WriteNumber("run_id", _runId);
            writer.WriteString("mode", ModeText);
            writer.WriteString("profile", _profile.Name);
            writer.WriteString("profile_sha256", _profile.Sha256);
            writer.WriteString("stopped_at", _clock.GetUtcNow().ToString("O", Inv));
            writer.WriteString("exit_reason", exitReason);
            writer.WriteString("trading_state", engine.Risk.State.ToString());
            writer.WriteString("trading_state_reason", engine.Risk.StateReason);
            writer.WriteNumber("checkpoints", Checkpoints);
            writer.WriteNumber("rollovers", Rollovers);
            writer.WriteStartArray("markets");
            foreach (var market in MarketsOpened)
            {
                writer.WriteStringValue(market);
            }

            writer.WriteEndArray();
            WriteState(writer, engine);
            WriteRecovery(writer);
            WriteSettlements(writer);
            WriteTracking(writer);
            writer.WriteStartArray("feeds");
            foreach (var health in AllFeedHealth())
            {
                writer.WriteStartObject();
                writer.WriteString("feed", health.Feed);
                writer.WriteString("state", health.State.ToString());
                writer.WriteString("state_text", health.StateText);
                if (health.Feed == Venue)
                {
                    writer.WriteString("kalshi_mode", _kalshi?.Mode.ToString() ?? KalshiFeedMode.WebSocket.ToString());
                }

                writer.WriteNumber("messages", health.Messages);
                writer.WriteNumber("reconnects", health.Reconnects);
                writer.WriteNumber("gaps", health.Gaps);
                writer.WriteNumber("malformed_frames", health.MalformedFrames);
                writer.WriteString("last_error", health.LastError ?? health.LastSnapshotError);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        AtomicFile.WriteAllText(path, json);
        return path;
    }

    /// <summary>The strategy's trades and the portfolio (P&amp;L, fees, cash, positions).</summary>
    private void WriteState(Utf8JsonWriter writer, EngineLoop engine)
    {
        var portfolio = engine.Cache.Portfolio;
        writer.WriteString("realized_pnl", Money(portfolio.RealizedPnl));
        writer.WriteString("fees", Money(portfolio.FeesPaid));
        writer.WriteString("cash", Money(portfolio.Ledger.Cash));
        writer.WriteNumber("orders", engine.Cache.Orders.Count);
        writer.WriteStartArray("positions");
        foreach (var position in portfolio.Positions.OrderBy(static p => p.Instrument.ToString(), StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("instrument", position.Instrument.ToString());
            writer.WriteString("quantity", position.NetQuantity.ToDecimal().ToString(Inv));
            writer.WriteString("cost_basis", Money(position.CostBasis));
            writer.WriteString("realized_pnl", Money(position.RealizedPnl));
            writer.WriteString("fees", Money(position.FeesPaid));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("trades");
        foreach (var trade in _strategy!.Trades)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", trade.Id);
            writer.WriteString("market", trade.Market);
            writer.WriteString("side", trade.Side.ToString());
            writer.WriteString("signal", trade.Signal.ToString());
            writer.WriteString("bought", trade.Bought.ToDecimal().ToString(Inv));
            writer.WriteString("sold", trade.Sold.ToDecimal().ToString(Inv));
            writer.WriteString("entry_cost", Money(trade.EntryCost));
            writer.WriteString("fees", Money(trade.Fees));
            writer.WriteString("net_pnl", Money(trade.NetPnl));
            writer.WriteBoolean("closed", trade.IsClosed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Money(decimal value) => value.ToString(Inv);

    private static string Render(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
