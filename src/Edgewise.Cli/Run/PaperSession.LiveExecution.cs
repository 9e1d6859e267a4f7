// `edgewise run --live`: the same composition as paper, with real order entry. The engine's execution client for "kalshi" is a
// KalshiExecutionClient instead of SimulatedVenue: signed REST creates and cancels, fills from its own signed WebSocket (REST
// when that is down). It runs on its own lifetime, not the feeds' (Ctrl+C stops the feeds at once, but the kill switch's cancels
// must still reach Kalshi), and its health joins the feeds' in the status line and results. Every market the tracker
// opens is registered with it (YES and NO contracts) before the engine hears of the market, so no order can name a market the
// client does not know. On shutdown the kill switch's cancels are given DrainTimeout to reach Kalshi before the loops stop.
// Credentials are required: RunCommand refuses --live without them (LiveCredentialsProblem) before anything starts.
using Edgewise.Cli.Configuration;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Simulation;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    /// <summary>How long a live shutdown waits for the kill switch's cancels to be answered.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private KalshiExecutionClient? _execution;
    private Func<Task>? _stopExecution;

    /// <summary>The live execution client once RunAsync has composed it; null on paper.</summary>
    internal KalshiExecutionClient? Execution => _execution;

    private string ModeText => _settings.Live ? "live" : "paper";

    /// <summary>Why live order entry cannot start with this configuration's credentials, or null when it can.</summary>
    internal static string? LiveCredentialsProblem(EdgewiseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var credentials = config.Venues.Kalshi.Credentials;
        var keyIdEnv = credentials?.KeyIdEnv ?? "venues.kalshi.credentials.keyIdEnv";
        var keyFileEnv = credentials?.PrivateKeyFileEnv ?? "venues.kalshi.credentials.privateKeyFileEnv";
        var keyId = credentials?.KeyIdEnv is { } a ? Environment.GetEnvironmentVariable(a) : null;
        var keyFile = credentials?.PrivateKeyFileEnv is { } b ? Environment.GetEnvironmentVariable(b) : null;
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(keyFile))
        {
            return $"live orders need Kalshi credentials: set {keyIdEnv} (the API key id) and {keyFileEnv} (the private key PEM file)";
        }

        return File.Exists(keyFile) ? null : $"live orders need Kalshi credentials: {keyFileEnv} names {keyFile}, which does not exist";
    }

    /// <summary>
    /// Registers the engine's "kalshi" execution client: simulated fills on paper; live, a KalshiExecutionClient started at once on
    /// its own lifetime (not the feeds': Ctrl+C stops the feeds, while the kill switch's cancels must still go out).
    /// </summary>
    private IDisposable RegisterExecution(EngineLoop engine, KalshiDataOptions kalshiOptions, KalshiAuth? auth)
    {
        if (!_settings.Live)
        {
            return SimulatedVenue.Register(engine, Venue);
        }

        if (auth is null)
        {
            throw new PaperSetupException(LiveCredentialsProblem(_config) ?? "live orders need Kalshi credentials");
        }

        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // request timeouts run on the session's clock
        var rest = new KalshiRestClient(http, kalshiOptions.RestBaseUri, _clock, auth, kalshiOptions.Connection.RestTimeout, kalshiOptions.Connection.MaxRestBytes);
        var options = new KalshiExecutionOptions
        {
            WebSocketUri = kalshiOptions.WebSocketUri,
            Connection = kalshiOptions.Connection with { StaleAfter = KalshiExecutionOptions.QuietStaleAfter }, // a quiet fill channel is normal
        };
        var client = new KalshiExecutionClient(_settings.AdjustExecution is { } adjust ? adjust(options) : options, rest, auth, engine, _clock);
        engine.Execution.RegisterClient(client);
        _execution = client;
        var run = new ExecutionRun(client, http);
        _stopExecution = run.StopAsync;
        return run;
    }

    /// <summary>Feed health for status lines, results and the dashboard: the supervised feeds, and live the order client.</summary>
    private IReadOnlyList<FeedHealth> AllFeedHealth() =>
        _execution is { } client ? [.. _supervisor!.GetHealth(), client.GetHealth()] : _supervisor!.GetHealth();

    /// <summary>Makes the market's contracts known to the live execution client (before the engine and the strategy see it).</summary>
    private void RegisterForOrders(BinaryMarket market) => _execution?.RegisterMarket(market.Ticker, market.Yes, market.No);

    /// <summary>
    /// Live: waits (up to DrainTimeout on the session clock) until the execution client has sent every cancel and reported every
    /// fill, then stops it.
    /// </summary>
    private async Task DrainExecutionAsync()
    {
        if (_execution is not { } client || _stopExecution is not { } stop)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(DrainTimeout, _clock);
        try
        {
            await client.WaitIdleAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _output.WriteLineAsync($"kalshi: orders still in flight after {DrainTimeout}; last error: {client.LastError}").ConfigureAwait(false);
        }

        await stop().ConfigureAwait(false);
    }

    /// <summary>The live execution client's run: started with it, stopped by the shutdown's drain (or, on a failed start, on dispose).</summary>
    private sealed class ExecutionRun : IDisposable
    {
        private readonly KalshiExecutionClient _client;
        private readonly HttpClient _http;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public ExecutionRun(KalshiExecutionClient client, HttpClient http)
        {
            _client = client;
            _http = http;
            _run = client.RunAsync(_stop.Token);
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        /// <summary>Stops the run if the drain did not; the socket and HTTP client are released once it has ended.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _run.ContinueWith(_ =>
            {
                _client.Dispose();
                _http.Dispose();
                _stop.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
