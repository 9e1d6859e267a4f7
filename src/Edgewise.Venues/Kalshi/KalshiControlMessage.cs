namespace Edgewise.Venues.Kalshi;

/// <summary>
/// A reply to a command: what the data client needs to track subscriptions. <paramref name="CommandId"/> is the client's
/// command <c>id</c>; <paramref name="Sid"/> the server's subscription id when the reply names one.
/// </summary>
public readonly record struct KalshiControlMessage(
    KalshiControlKind Kind,
    long? CommandId,
    long? Sid,
    long? Seq,
    string? Channel,
    int? ErrorCode,
    string? ErrorText,
    long TsRecv)
{
    /// <summary>Error code 10, "channel error": the subscription is gone (FACTS §5.5).</summary>
    public const int ChannelErrorCode = 10;

    /// <summary>Error code 25: also ends the subscription (FACTS §5.5, AsyncAPI checked 2026-11-21).</summary>
    public const int TerminalErrorCode25 = 25;

    /// <summary>
    /// True for the errors after which the subscription no longer delivers data and must be replaced by a new one
    /// (codes 10 and 25); a sequence gap, in contrast, is repaired in place with <c>get_snapshot</c>.
    /// </summary>
    public bool EndsSubscription => Kind == KalshiControlKind.Error && ErrorCode is ChannelErrorCode or TerminalErrorCode25;
}
