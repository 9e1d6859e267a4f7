namespace Edgewise.Cli.Run;

/// <summary>
/// What `edgewise run` was asked for beyond the configuration: paper or live, where results go (null: out/run-&lt;run id&gt;), how long to
/// run (null: until canceled), how often to print a status line and write a checkpoint, and the dashboard port
/// (null: the configuration's; ignored when the dashboard is off).
/// </summary>
internal sealed record PaperSettings
{
    public static readonly TimeSpan DefaultStatusInterval = TimeSpan.FromHours(1);

    public static readonly TimeSpan DefaultCheckpointInterval = TimeSpan.FromMinutes(5);

    public string? OutDirectory { get; init; }

    public TimeSpan? Duration { get; init; }

    public TimeSpan StatusInterval { get; init; } = DefaultStatusInterval;

    public TimeSpan CheckpointInterval { get; init; } = DefaultCheckpointInterval;

    public bool Dashboard { get; init; } = true;

    /// <summary>Start a new run even when the store's last run did not end cleanly (that run is closed as abandoned, not resumed).</summary>
    public bool NewRun { get; init; }

    public int? DashboardPort { get; init; }

    /// <summary>Largest age of the BTC index before trading stops with a DATA_OUTAGE.</summary>
    public TimeSpan IndexMaxAge { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Kalshi credentials given by the caller (the demo's simulated Kalshi key), used instead of the environment variables
    /// the configuration names. The caller owns it: the session does not dispose it.
    /// </summary>
    public Venues.Kalshi.KalshiAuth? KalshiAuth { get; init; }

    /// <summary>Send real orders to Kalshi (KalshiExecutionClient) instead of simulating fills.</summary>
    public bool Live { get; init; }

    /// <summary>How often a closed market is read until it shows its result.</summary>
    public TimeSpan SettlementPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Live: the execution client's options are built from the Kalshi options and then passed through this (tests).</summary>
    public Func<Venues.Kalshi.KalshiExecutionOptions, Venues.Kalshi.KalshiExecutionOptions>? AdjustExecution { get; init; }

    /// <summary>
    /// Wraps the sink the feeds deliver to (the engine's inbox); the wrapper must pass every event on. Tests on a manual clock use
    /// it to wait until an update they sent has reached the engine before they move the clock.
    /// </summary>
    public Func<Core.Contracts.IMarketDataSink, Core.Contracts.IMarketDataSink>? TapMarketData { get; init; }

    /// <summary>The spot venues' connection settings pass through this (tests on a fast-forwarded clock relax staleness and timeouts).</summary>
    public Func<Venues.Common.FeedConnectionSettings, Venues.Common.FeedConnectionSettings>? AdjustSpotConnection { get; init; }

    /// <summary>The Kalshi client's options are built from the configuration and then passed through this (tests shorten intervals).</summary>
    public Func<Venues.Kalshi.KalshiDataOptions, Venues.Kalshi.KalshiDataOptions>? AdjustKalshi { get; init; }
}
