namespace Edgewise.Simulators;

/// <summary>
/// One WebSocket upgrade attempt on a <see cref="SimKalshiServer"/>: the KALSHI-ACCESS-* headers as sent (null when absent),
/// whether they were accepted, and the status answered (101 accepted, 401 refused) with the reason.
/// </summary>
public sealed record SimKalshiHandshake(string? KeyId, string? TimestampMs, string? Signature, bool Accepted, int Status, string Reason);
