// Decides each market's result for the backtest. A result in the settlements file is authoritative. Otherwise the
// last quote at or before the close, if within 60 s of it, may pin the result: a YES bid of at least 0.99 means YES,
// a YES ask of at most 0.01 means NO (the market is then certain to the tick); such results are "inferred" and kept
// apart everywhere. Any other market stays unsettled: its open positions are listed, never valued at a guess.
using System.Globalization;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Time;

namespace Edgewise.Cli.Backtest;

internal static class SettlementResolver
{
    /// <summary>How close to the close the pinning quote must be.</summary>
    public static readonly TimeSpan InferenceWindow = TimeSpan.FromSeconds(60);

    /// <summary>A YES bid at least this pins YES.</summary>
    public static readonly Price PinnedYesBid = Price.FromDecimal(0.99m);

    /// <summary>A YES ask at most this pins NO.</summary>
    public static readonly Price PinnedNoAsk = Price.FromDecimal(0.01m);

    public static IReadOnlyList<MarketOutcome> Resolve(TobData data, SettlementData settlements)
    {
        var recorded = settlements.Records.ToDictionary(static r => r.Ticker, StringComparer.Ordinal);
        var lastBeforeClose = new Dictionary<string, TobRow>(StringComparer.Ordinal);
        var closes = data.Markets.ToDictionary(static m => m.Ticker, static m => ReplayTimeProvider.ToUnixNs(m.CloseTime), StringComparer.Ordinal);
        foreach (var row in data.Rows)
        {
            if (row.TsNs <= closes[row.Ticker])
            {
                lastBeforeClose[row.Ticker] = row;
            }
        }

        var outcomes = new List<MarketOutcome>(data.Markets.Count);
        foreach (var market in data.Markets)
        {
            var (pinned, evidence) = Pinned(market, lastBeforeClose.GetValueOrDefault(market.Ticker));
            if (recorded.TryGetValue(market.Ticker, out var record))
            {
                var detail = string.Create(CultureInfo.InvariantCulture,
                    $"settlements file: {Side(record.Result)} (seen {ReplayTimeProvider.FromUnixNs(record.CheckedAtNs):yyyy-MM-ddTHH:mm:ss}Z)");
                outcomes.Add(new MarketOutcome(market, SettlementSource.Recorded, record.Result, detail, pinned is null ? null : pinned == record.Result));
            }
            else if (pinned is { } side)
            {
                outcomes.Add(new MarketOutcome(market, SettlementSource.Inferred, side, evidence, null));
            }
            else
            {
                outcomes.Add(new MarketOutcome(market, SettlementSource.None, null, evidence, null));
            }
        }

        return outcomes;
    }

    private static (OutcomeSide? Side, string Evidence) Pinned(TobMarket market, TobRow? last)
    {
        if (last is null)
        {
            return (null, "no quote at or before the close");
        }

        var closeNs = ReplayTimeProvider.ToUnixNs(market.CloseTime);
        var before = (closeNs - last.TsNs) / 1e9m;
        var quote = string.Create(CultureInfo.InvariantCulture, $"last quote {before:F1} s before close: {last.YesBid}/{last.YesAsk}");
        if (closeNs - last.TsNs > InferenceWindow.Ticks * 100)
        {
            return (null, quote + " (more than 60 s before close)");
        }

        if (last.HasBid && last.YesBid >= PinnedYesBid)
        {
            return (OutcomeSide.Yes, quote + " pins yes");
        }

        if (last.HasAsk && last.YesAsk <= PinnedNoAsk)
        {
            return (OutcomeSide.No, quote + " pins no");
        }

        return (null, quote + " (not pinned)");
    }

    public static string Side(OutcomeSide side) => side == OutcomeSide.Yes ? "yes" : "no";
}
