namespace Edgewise.Venues.Kalshi;

/// <summary>
/// The three KALSHI-ACCESS-* header values of one signed request (FACTS §5.2). The signature is only valid for the
/// method and path it was made for, around its timestamp; none of the values is secret key material.
/// </summary>
public readonly record struct KalshiSignedHeaders(string KeyId, string TimestampMs, string Signature)
{
    public const string KeyHeader = "KALSHI-ACCESS-KEY";
    public const string TimestampHeader = "KALSHI-ACCESS-TIMESTAMP";
    public const string SignatureHeader = "KALSHI-ACCESS-SIGNATURE";

    /// <summary>The headers as name/value pairs, in the order Kalshi documents them, to add to an HTTP or WebSocket upgrade request.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToHeaders() =>
    [
        new(KeyHeader, KeyId),
        new(TimestampHeader, TimestampMs),
        new(SignatureHeader, Signature),
    ];
}
