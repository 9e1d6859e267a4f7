// How a supervised feed connection behaves: timeouts, staleness, backoff, frame size and keep-alives. Every
// venue's options carry one of these as "Connection", with defaults a venue may override (Binance.US sets
// MaxConnectionAge below its 24 h limit). Validation names the offending key, so a bad config fails at start.
using System.ComponentModel.DataAnnotations;

namespace Edgewise.Venues.Common;

public sealed record FeedConnectionSettings : IValidatableObject
{
    /// <summary>Opening the WebSocket (TCP, TLS and upgrade) must finish within this.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No frame for this long (by the feed's clock) means the connection is dead: it is closed and reopened.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often staleness, connection age and application pings are checked.</summary>
    public TimeSpan StaleCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First reconnect delay; doubles per consecutive failure up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest fraction a reconnect delay is shortened by at random, in [0, 1).</summary>
    public double ReconnectJitter { get; init; } = 0.2;

    /// <summary>Largest WebSocket message accepted; a longer one is read to its end, counted as malformed and skipped.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>WebSocket protocol keep-alive (sent and answered by ClientWebSocket itself); zero turns it off.</summary>
    public TimeSpan ProtocolKeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Reconnect proactively once a connection is this old (venues that cut connections at a fixed age); null for never.</summary>
    public TimeSpan? MaxConnectionAge { get; init; }

    /// <summary>Send <see cref="AppPingMessage"/> this often, for venues that want a text ping; null for never.</summary>
    public TimeSpan? AppPingInterval { get; init; }

    public string? AppPingMessage { get; init; }

    /// <summary>A REST request (snapshot) must complete within this.</summary>
    public TimeSpan RestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest REST response body accepted.</summary>
    public int MaxRestBytes { get; init; } = 16 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Validate(string.Empty);

    /// <summary>Every problem, each naming its key under <paramref name="prefix"/> ("BinanceUs:Connection:").</summary>
    public IEnumerable<ValidationResult> Validate(string prefix)
    {
        var errors = new List<ValidationResult>();
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(StaleAfter, nameof(StaleAfter));
        Positive(StaleCheckInterval, nameof(StaleCheckInterval));
        Positive(ReconnectDelayInitial, nameof(ReconnectDelayInitial));
        Positive(RestTimeout, nameof(RestTimeout));
        if (StaleCheckInterval > StaleAfter)
        {
            Add(nameof(StaleCheckInterval), $"must not exceed StaleAfter ({StaleAfter})");
        }

        if (ReconnectDelayMax < ReconnectDelayInitial)
        {
            Add(nameof(ReconnectDelayMax), $"must be at least ReconnectDelayInitial ({ReconnectDelayInitial})");
        }

        if (!(ReconnectJitter >= 0 && ReconnectJitter < 1))
        {
            Add(nameof(ReconnectJitter), "must be in [0, 1)");
        }

        if (MaxMessageBytes < 1024)
        {
            Add(nameof(MaxMessageBytes), "must be at least 1024");
        }

        if (MaxRestBytes < 1024)
        {
            Add(nameof(MaxRestBytes), "must be at least 1024");
        }

        if (ProtocolKeepAlive < TimeSpan.Zero)
        {
            Add(nameof(ProtocolKeepAlive), "must not be negative");
        }

        if (MaxConnectionAge is { } age && age <= TimeSpan.Zero)
        {
            Add(nameof(MaxConnectionAge), "must be positive when set");
        }

        if (AppPingInterval is { } ping && ping <= TimeSpan.Zero)
        {
            Add(nameof(AppPingInterval), "must be positive when set");
        }

        if ((AppPingInterval is null) != string.IsNullOrEmpty(AppPingMessage))
        {
            Add(nameof(AppPingMessage), "AppPingInterval and AppPingMessage must be set together");
        }

        return errors;

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                Add(key, "must be positive");
            }
        }

        void Add(string key, string message) => errors.Add(new ValidationResult($"{prefix}{key} {message}.", [prefix + key]));
    }
}
