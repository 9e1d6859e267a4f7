namespace Edgewise.Venues.Common;

/// <summary>
/// The typed result of a REST GET: the body when <see cref="RestOutcome.Ok"/>, otherwise an error text and, for
/// rate limits, how long the venue asked us to wait (<see cref="RetryAfter"/>). <see cref="StatusCode"/> is 0 when no
/// response arrived (timeout, connection failure).
/// </summary>
public sealed record RestResult(RestOutcome Outcome, int StatusCode, ReadOnlyMemory<byte> Body, TimeSpan? RetryAfter, string? Error)
{
    public bool IsOk => Outcome == RestOutcome.Ok;

    public static RestResult Ok(int statusCode, ReadOnlyMemory<byte> body) => new(RestOutcome.Ok, statusCode, body, null, null);

    public static RestResult Retryable(int statusCode, string error, TimeSpan? retryAfter = null) =>
        new(RestOutcome.Retryable, statusCode, ReadOnlyMemory<byte>.Empty, retryAfter, error);

    public static RestResult Fatal(int statusCode, string error) => new(RestOutcome.Fatal, statusCode, ReadOnlyMemory<byte>.Empty, null, error);
}
