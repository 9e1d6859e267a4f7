using System.Text.Json;

namespace Edgewise.Venues.Kalshi;

/// <summary>
/// The typed result of one Kalshi REST request. <see cref="Endpoint"/> is the path and query as requested from the host
/// ("/trade-api/v2/markets/KXBTC15M-26JAN010015-15/orderbook"), which is also what a capture records for the body.
/// <see cref="Body"/> is set only when <see cref="Outcome"/> is <see cref="KalshiRestOutcome.Ok"/>. For refusals,
/// <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> come from Kalshi's error body ({"error":{"code","message","details"}})
/// when it sent one; <see cref="Error"/> is one line for logs. <see cref="StatusCode"/> is 0 when no response arrived.
/// </summary>
public sealed record KalshiRestResult(
    KalshiRestOutcome Outcome,
    int StatusCode,
    string Endpoint,
    ReadOnlyMemory<byte> Body,
    long RecvTsNs,
    string? ErrorCode,
    string? ErrorMessage,
    string? Error)
{
    public bool IsOk => Outcome == KalshiRestOutcome.Ok;

    /// <summary>The "cursor" of a list response, or null when it is absent or empty (the last page).</summary>
    public string? ReadCursor()
    {
        if (!IsOk)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("cursor", out var cursor)
                && cursor.ValueKind == JsonValueKind.String
                && cursor.GetString() is { Length: > 0 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => IsOk
        ? $"{Outcome} {StatusCode} {Endpoint} ({Body.Length} bytes)"
        : $"{Outcome} {StatusCode} {Endpoint}: {Error}";
}
