// Tells a liquidity crash from one BTC explains. A YES crash is explained by BTC falling (a NO crash by BTC rising):
//  - informational: BTC moved that way by at least the threshold during the crash window;
//  - delayed reaction: it had moved that way by at least the threshold in the window before (the contract is late);
//  - liquidity: neither; nobody learnt anything, someone needed out, so the price should come back.
// Without the BTC moves (no index far enough back) the crash is unclassified, and not traded.
using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary.Signals;

public static class FlashCrashClassifier
{
    /// <param name="crashed">The side whose price fell.</param>
    /// <param name="recentMove">BTC's relative move over the crash window (0.001 = +0.1%).</param>
    /// <param name="priorMove">BTC's relative move over the window before it.</param>
    /// <param name="threshold">A move at least this large (in the explaining direction) counts.</param>
    public static FlashCrashKind Classify(OutcomeSide crashed, decimal? recentMove, decimal? priorMove, decimal threshold)
    {
        if (recentMove is not { } recent || priorMove is not { } prior)
        {
            return FlashCrashKind.Unclassified;
        }

        // The BTC direction that would explain the crash: down for a YES crash, up for a NO crash.
        var direction = crashed == OutcomeSide.Yes ? -1m : 1m;
        if (recent * direction >= threshold)
        {
            return FlashCrashKind.Informational;
        }

        return prior * direction >= threshold ? FlashCrashKind.DelayedReaction : FlashCrashKind.Liquidity;
    }
}
