namespace Edgewise.Simulators;

/// <summary>
/// One subscription on a <see cref="SimKalshiSession"/>: its sid, channel, the command that created it, its markets (or index ids)
/// and the use_yes_price flag it was made with (false when the command left it out: Kalshi's present default).
/// </summary>
public sealed class SimKalshiSubscription
{
    internal SimKalshiSubscription(long sid, string channel, long commandId, IReadOnlyList<string> tickers, IReadOnlyList<string> indexIds, bool useYesPrice)
    {
        Sid = sid;
        Channel = channel;
        CommandId = commandId;
        Tickers = [.. tickers];
        IndexIds = indexIds;
        UseYesPrice = useYesPrice;
    }

    public long Sid { get; }

    public string Channel { get; }

    public long CommandId { get; }

    public IReadOnlyList<string> IndexIds { get; }

    public bool UseYesPrice { get; }

    /// <summary>The markets now covered (add_markets / delete_markets change them).</summary>
    public IReadOnlyList<string> Tickers { get; internal set; }

    /// <summary>The seq the next sequenced message of this subscription carries (Kalshi starts at 1).</summary>
    public long NextSeq { get; internal set; } = 1;

    /// <summary>The server book's version each market's last snapshot on this subscription showed (broadcast deltas up to it are skipped).</summary>
    internal Dictionary<string, long> SnapshotVersions { get; } = new(StringComparer.Ordinal);
}
