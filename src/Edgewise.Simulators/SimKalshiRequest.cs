namespace Edgewise.Simulators;

/// <summary>
/// One REST request a <see cref="SimKalshiServer"/> received: the path from the host root ("/trade-api/v2/markets"), the raw
/// query ("?series_ticker=KXBTC15M", or empty), the three KALSHI-ACCESS-* headers as sent (null when absent), and whether they
/// verified against the server's public key over timestamp + METHOD + path (null when the request was not signed).
/// </summary>
public sealed record SimKalshiRequest(string Path, string Query, string? KeyId, string? TimestampMs, string? Signature, bool? SignatureValid)
{
    /// <summary>The HTTP method; the signature was checked over timestamp + this + path.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The request body as text (empty for none).</summary>
    public string Body { get; init; } = string.Empty;

    public string PathAndQuery => Path + Query;
}
