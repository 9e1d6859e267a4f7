// The risk engine's memory of the day, rebuilt at restart: its daily-loss limit counts realized P&L after fees since
// 00:00 UTC, and its losing-streak limit counts losing round trips in a row. Both live in memory, so without this a
// crash (or a kill -9 to get past a limit) would start the day over. They are recomputed from the replayed journal the
// way RiskEngine.OnPositionUpdate counts them, each update dated by its fill's or settlement's time.
using Edgewise.Core.Portfolio;

namespace Edgewise.Cli.Recovery;

internal sealed record RiskCarryOver(decimal RealizedNetToday, int ConsecutiveLosses)
{
    private const long NsPerDay = 86_400L * 1_000_000_000L;

    public static RiskCarryOver From(IEnumerable<(long TsNs, PositionUpdate Update)> updates, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var today = Day(nowNs);
        var net = 0m;
        var streak = 0;
        foreach (var (ts, update) in updates)
        {
            if (Day(ts) == today)
            {
                net += update.RealizedDelta - update.Fee;
            }

            if (update.RoundTripClosed)
            {
                streak = update.RoundTripPnl < 0m ? streak + 1 : 0;
            }
        }

        return new RiskCarryOver(net, streak);
    }

    private static long Day(long ns) => ns >= 0 ? ns / NsPerDay : ((ns + 1) / NsPerDay) - 1;
}
