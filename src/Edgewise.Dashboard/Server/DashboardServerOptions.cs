// Where and how the dashboard listens. Loopback by default: the dashboard shows positions and can halt trading, so
// opening it to a network is an explicit choice of the composition (and the kill switch still needs the token).
using System.Net;
using Microsoft.Extensions.Logging;

namespace Edgewise.Dashboard.Server;

public sealed record DashboardServerOptions
{
    public const int DefaultPort = 5000;

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 asks the system for a free one (tests), read the result from <see cref="DashboardServer.Url"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The kill-switch token; a new random one when null.</summary>
    public string? Token { get; init; }

    /// <summary>The clock of the HTTP side (stream pacing, waits): the system clock, whatever the engine's is.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The live stream sends at most one snapshot per interval.</summary>
    public TimeSpan StreamInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A comment line on an idle stream this often, so proxies and browsers keep it open.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the kill-switch request waits to see the engine halted before answering 202 instead of 200.</summary>
    public TimeSpan KillSwitchConfirmTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Equity points in each streamed snapshot (the page loads the whole curve once from /api/pnl).</summary>
    public int StreamEquityPoints { get; init; } = 60;

    /// <summary>Where the server logs (kill-switch requests, start); nothing when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void EnsureValid()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65_535)
        {
            errors.Add($"{nameof(Port)} must be between 0 and 65535 (got {Port}).");
        }

        if (StreamInterval <= TimeSpan.Zero || KeepAliveInterval <= TimeSpan.Zero || KillSwitchConfirmTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(StreamInterval)}, {nameof(KeepAliveInterval)} and {nameof(KillSwitchConfirmTimeout)} must be positive.");
        }

        if (StreamEquityPoints <= 0)
        {
            errors.Add($"{nameof(StreamEquityPoints)} must be positive.");
        }

        if (Token is not null && Token.Length < 32)
        {
            errors.Add($"{nameof(Token)} needs at least 32 characters.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dashboard server options: " + string.Join(" ", errors));
        }
    }
}
