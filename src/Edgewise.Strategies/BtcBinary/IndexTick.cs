using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.BtcBinary;

/// <summary>
/// One print of the BTC index as strategies see it, published on the engine's message bus: live from
/// BtcIndexProxy.OnSecond (ProxyIndexTickSource), in a backtest from the recorded proxy (RecordedIndexTickSource).
/// An unusable tick (DATA_OUTAGE) carries no value: <paramref name="Value"/> is zero and must not be read.
/// </summary>
/// <param name="Value">The index in USD; meaningful only when <paramref name="IsUsable"/>.</param>
/// <param name="IsUsable">False during an index outage.</param>
/// <param name="TsNs">When the print was taken, Unix ns.</param>
public readonly record struct IndexTick(Price Value, bool IsUsable, long TsNs)
{
    public static IndexTick Usable(Price value, long tsNs)
    {
        if (!value.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An index value must be positive.");
        }

        return new IndexTick(value, true, tsNs);
    }

    public static IndexTick Outage(long tsNs) => new(Price.Zero, false, tsNs);
}
