namespace Edgewise.Strategies.BtcBinary;

/// <summary>Where an <see cref="IndexTickPublisher"/> gets its ticks, and when it should look next.</summary>
public interface IIndexTickSource
{
    /// <summary>The tick to publish at <paramref name="nowNs"/>; false when there is none yet.</summary>
    bool TryRead(long nowNs, out IndexTick tick);

    /// <summary>The next time (Unix ns, after <paramref name="nowNs"/>) worth reading; <see cref="long.MaxValue"/> when there is none.</summary>
    long NextDueNs(long nowNs);
}
