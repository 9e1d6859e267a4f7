// `edgewise run` on paper: live market data, simulated fills. The composition, in start order:
//   store (run row first: the run id names the output folder) -> engine (dense books for binary contracts, sorted
//   otherwise; the profile's risk limits, the configuration's when the profile names none) -> spot clients (the
//   enabled venues of the configuration, built by RecordPlanner, feeding engine.Inbox) -> BtcIndexProxy over their
//   books (trades from the bus) -> IndexTickPublisher + RequiredInputs "index" -> SimulatedVenue "kalshi" (the
//   contracts' Kalshi fees; KalshiExecutionClient with --live, PaperSession.LiveExecution.cs) -> BtcBinaryStrategy -> StoreRecorder -> dashboard publisher; then the loop runs, and the
//   Kalshi client (REST polling when the WebSocket is refused) with KalshiMarketTracker adds each KXBTC15M market as it
//   opens: the NO mirror first (feed thread), the cache and the strategy through engine.Post (loop thread); markets it closes
//   are settled when Kalshi shows their result (PaperSession.Settlement.cs).
// Restart: the store's unfinished run (a kill -9, a crash) is resumed with its positions, ledger and cash replayed from
// the store, its open orders canceled, every difference printed and put in results.json (PaperSession.Recovery.cs).
// Nothing here reads engine state off the loop thread while the loop runs: status lines and checkpoints are posted.
// Shutdown (ct, --duration): halt with "shutdown" and cancel resting orders (the kill switch path), stop the feeds,
// drain the loop, stop it, record positions and ledger, end the run, flush and close the store, write results.json.
using Edgewise.Cli.Configuration;
using Edgewise.Cli.Dashboard;
using Edgewise.Cli.Persistence;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Time;
using Edgewise.Dashboard.Publishing;
using Edgewise.Dashboard.Server;
using Edgewise.Engine.Health;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Risk;
using Edgewise.Storage.Store;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Profiles;
using Edgewise.Strategies.Indicators;
using Edgewise.Venues.Common;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Cli.Run;

internal sealed partial class PaperSession
{
    public const string Venue = KalshiParser.VenueName;
    public const string StrategyId = "btc-binary";
    public const string IndexInput = "index";
    public const string Series = "KXBTC15M";
    public const string SpotSymbol = "BTC-USD";

    /// <summary>The CF Benchmarks index Kalshi relays that KXBTC15M settles on.</summary>
    public const string BrtiIndexId = "BRTI";

    private readonly EdgewiseConfig _config;
    private readonly BtcBinaryProfile _profile;
    private readonly PaperSettings _settings;
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;
    private readonly List<string> _marketsOpened = [];
    private readonly Lock _gate = new();
    private EngineLoop? _engine;
    private BtcBinaryStrategy? _strategy;
    private KalshiDataClient? _kalshi;
    private IndexTrackingError? _tracking;
    private FeedSupervisor? _supervisor;
    private StoreRecorder? _recorder;
    private long _runId;
    private string _outDirectory = string.Empty;
    private int _rollovers;
    private int _checkpoints;
    private int _statusLines;

    public PaperSession(EdgewiseConfig config, BtcBinaryProfile profile, PaperSettings settings, TextWriter output, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        _config = config;
        _profile = profile;
        _settings = settings;
        _output = TextWriter.Synchronized(output);
        _clock = clock;
    }

    /// <summary>Checkpoints written so far (readable from any thread; tests wait on it).</summary>
    public int Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>Status lines printed so far.</summary>
    public int StatusLines => Volatile.Read(ref _statusLines);

    /// <summary>Market switches the tracker made (the first window is not one).</summary>
    public int Rollovers => Volatile.Read(ref _rollovers);

    /// <summary>The Kalshi feed's mode now (WebSocket until the client has started).</summary>
    public KalshiFeedMode KalshiMode => _kalshi?.Mode ?? KalshiFeedMode.WebSocket;

    /// <summary>Tickers of the markets the tracker opened, in order.</summary>
    public IReadOnlyList<string> MarketsOpened
    {
        get
        {
            lock (_gate)
            {
                return [.. _marketsOpened];
            }
        }
    }

    /// <summary>The market tracker will next act at this time (raised after its timer exists; tests move a manual clock past it).</summary>
    public event Action<DateTimeOffset>? TrackerWakeScheduled;

    /// <summary>REST polling: a round of book reads is done and the next is due after this delay (raised after its timer exists).</summary>
    public event Action<TimeSpan>? KalshiPollScheduled;

    /// <summary>
    /// Raised on the loop thread with each per-second print of the BTC index (usable or an outage), once the loop has finished
    /// handling it, so the next print's timer is already armed when a handler (a test moving a manual clock) sees it.
    /// </summary>
    public event Action<IndexTick>? IndexPrinted;

    /// <summary>Raised on the loop thread after each BRTI print Kalshi relayed was compared: the error in bps, null when the proxy had no print that second.</summary>
    public event Action<decimal?>? BrtiCompared;

    /// <summary>Raised (on the loop thread) after each checkpoint is on disk.</summary>
    public event Action<int>? CheckpointWritten;

    /// <summary>Runs until <paramref name="ct"/> is canceled or the duration has passed on the session clock.</summary>
    /// <exception cref="PaperSetupException">The configuration cannot be composed into a run (the message says why).</exception>
    public async Task<PaperOutcome> RunAsync(CancellationToken ct)
    {
        // Everything the configuration can get wrong is checked before the run's row exists.
        var spotPlan = PlanSpot();
        var kalshiOptions = KalshiOptions();
        using var ownedAuth = KalshiCredentials(out var authNote);
        var auth = _settings.KalshiAuth ?? ownedAuth;
        var storeDirectory = Path.GetDirectoryName(Path.GetFullPath(_config.Store.Path));
        if (storeDirectory is not null)
        {
            Directory.CreateDirectory(storeDirectory);
        }

        using var storeLock = LockStore();
        await using var store = WriteBehindStore.Open(_config.Store.Path, clock: _clock);
        _runId = await BeginOrResumeRunAsync(store, kalshiOptions, auth, ct).ConfigureAwait(false); // restart recovery (PaperSession.Recovery.cs)
        _outDirectory = Path.GetFullPath(_settings.OutDirectory ?? Path.Combine("out", $"run-{_runId}"));
        Directory.CreateDirectory(_outDirectory);

        var engine = new EngineLoop(WithRecovery(new EngineOptions
        {
            Clock = _clock,
            BookFactory = static instrument => instrument is BinaryContract binary
                ? OrderBookFactory.ForBinaryContract(binary.Id, binary.MinTick)
                : OrderBookFactory.ForUnbounded(instrument.Id),
            RiskLimits = _profile.Risk == new RiskLimits() ? _config.Risk : _profile.Risk,
        }));
        _engine = engine;
        var feeds = new List<IFeed>();
        var inbox = _settings.TapMarketData?.Invoke(engine.Inbox) ?? engine.Inbox; // what the feeds deliver to
        using var execution = RegisterExecution(engine, kalshiOptions, auth); // PaperSession.LiveExecution.cs
        var proxy = new BtcIndexProxy(new BtcIndexOptions(), id => engine.Cache.TryGetBook(id, out var book) ? book : null);
        foreach (var spot in spotPlan?.Venues ?? [])
        {
            foreach (var symbol in spot.Symbols)
            {
                var instrument = SpotInstrument(spot.Name, symbol);
                engine.Cache.AddInstrument(instrument);
                proxy.AddConstituent(instrument.Id);
            }

            feeds.Add(spot.CreateClient(inbox, NullFrameSink.Instance, _clock));
        }

        engine.Inputs.Register(IndexInput, _settings.IndexMaxAge);
        using var trades = engine.Bus.Subscribe((in TradeTick trade) => proxy.OnTrade(trade));
        var tracking = new IndexTrackingError(proxy.History);
        _tracking = tracking;
        using var indexTicks = engine.Bus.Subscribe((in IndexTick tick) =>
        {
            engine.Inputs.Touch(IndexInput, tick.TsNs, tick.IsUsable, tick.IsUsable ? null : "the BTC index proxy has too few usable venues");
            if (IndexPrinted is { } printed)
            {
                var copy = tick;
                engine.Post(() => printed(copy)); // after the publisher has armed its next timer
            }
        });
        var indexSource = new ProxyIndexTickSource(proxy);
        var publisher = new IndexTickPublisher("btc-index", engine.Bus, indexSource);
        var strategy = new BtcBinaryStrategy(StrategyId, _profile.Options, engine.Bus);
        _strategy = strategy;
        engine.Strategies.Add(publisher);
        engine.Strategies.Add(strategy);
        using var recorder = CreateRecorder(engine, store);
        _recorder = recorder;

        var mirror = new LockedMarketDataSink(new NoBookMirror(inbox));
        using var kalshi = new KalshiDataClient(kalshiOptions, mirror, _clock, auth);
        _kalshi = kalshi;
        feeds.Add(kalshi);

        // Issue 3's live check: each 1/s BRTI print Kalshi relays is compared, on the loop thread, with the proxy's print of the
        // same second (the proxy's history belongs to the loop).
        kalshi.IndexTickReceived += tick =>
        {
            if (tick.IndexId == BrtiIndexId && !tick.FiveHz)
            {
                engine.Post(() =>
                {
                    var bps = tracking.Add(tick.SourceTs, tick.Value); // not inside ?.Invoke(...): that skips its arguments without a handler
                    BrtiCompared?.Invoke(bps);
                });
            }
        };
        _supervisor = new FeedSupervisor(feeds, _clock);
        var tracker = new KalshiMarketTracker(new KalshiMarketTrackerOptions { SeriesTicker = Series }, kalshi.Rest, kalshi, _clock);
        tracker.MarketOpened += market => OnMarketOpened(engine, mirror, strategy, market);
        tracker.ActiveMarketChanged += change => OnSwitch(change);
        tracker.WakeScheduled += at => TrackerWakeScheduled?.Invoke(at);
        kalshi.ModeChanged += mode => _output.WriteLine($"kalshi: feed mode {mode}");
        kalshi.PollScheduled += delay => KalshiPollScheduled?.Invoke(delay);

        // Attached even without the web dashboard: the terminal dashboard reads the same snapshots.
        using var dashboard = DashboardPublisher.Attach(engine, () => [.. AllFeedHealth().Select(static h => h.ToFeedStatus())]);

        await _output.WriteLineAsync(
            $"edgewise run: profile {_profile.Name} (sha256 {_profile.Sha256}) {(_settings.Live ? "LIVE" : "on paper")}, run {_runId}, output {_outDirectory}").ConfigureAwait(false);
        await _output.WriteLineAsync($"kalshi: {authNote}").ConfigureAwait(false);
        ReportRecovery(engine);
        var server = await StartDashboardAsync(dashboard, engine, ct).ConfigureAwait(false); // before anything runs: a taken port is a setup error

        using var engineStop = new CancellationTokenSource();
        var engineTask = engine.RunAsync(engineStop.Token); // starts the strategies on this thread before its first await
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feedTask = _supervisor.RunAsync(feedStop.Token);
        var trackerTask = RunMarketsAsync(engine, tracker, kalshi.Rest, feedStop.Token); // tracker + settlements: PaperSession.Settlement.cs
        string exitReason;
        try
        {
            RaiseStarted(engine, dashboard, indexSource, strategy, server);
            using var heartbeat = new HeartbeatService(engine);
            using var watchdog = new HeartbeatWatchdog(_clock, heartbeat.Interval, () => heartbeat.LastBeatNs,
                incident => _output.WriteLine($"INCIDENT: {incident}"), recovered => _output.WriteLine($"recovered: {recovered}"));
            using var statusTimer = _clock.CreateTimer(_ => engine.Post(PrintStatus), null, _settings.StatusInterval, _settings.StatusInterval);
            using var checkpointTimer = _clock.CreateTimer(_ => engine.Post(WriteCheckpoint), null, _settings.CheckpointInterval, _settings.CheckpointInterval);
            await _output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"edgewise run: running {(_settings.Duration is { } d ? $"for {d}" : "until Ctrl+C")}; status every {_settings.StatusInterval}, checkpoint every {_settings.CheckpointInterval}"))
                .ConfigureAwait(false);
            exitReason = await WaitForEndAsync(engineTask, ct).ConfigureAwait(false);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }

        await ShutdownAsync(engine, engineTask, engineStop, feedStop, feedTask, trackerTask).ConfigureAwait(false);
        var resultsPath = WriteResults(engine, exitReason);
        store.EndRun(_runId, _clock.GetUnixNs(), exitReason);
        await store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await store.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        await _output.WriteLineAsync($"edgewise run: stopped ({exitReason}); results in {resultsPath}").ConfigureAwait(false);
        return new PaperOutcome(_runId, _outDirectory, resultsPath, exitReason);
    }

    private async Task<string> WaitForEndAsync(Task engineTask, CancellationToken ct)
    {
        var deadline = Task.Delay(_settings.Duration ?? Timeout.InfiniteTimeSpan, _clock, ct);
        var first = await Task.WhenAny(deadline, engineTask).ConfigureAwait(false);
        if (first == engineTask)
        {
            return engineTask.IsFaulted ? $"engine failed: {engineTask.Exception?.GetBaseException().Message}" : "engine stopped";
        }

        return deadline.IsCanceled ? "canceled" : "duration reached";
    }

    private async Task ShutdownAsync(EngineLoop engine, Task engineTask, CancellationTokenSource engineStop, CancellationTokenSource feedStop,
        Task feedTask, Task trackerTask)
    {
        if (!engineTask.IsCompleted)
        {
            engine.RequestKillSwitch("shutdown"); // Halted, resting orders canceled
            await PostAndWaitAsync(engine).ConfigureAwait(false);
            await DrainExecutionAsync().ConfigureAwait(false); // live: the cancels reach Kalshi before the loops stop
        }

        await feedStop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(feedTask, trackerTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!engineTask.IsCompleted)
        {
            await PostAndWaitAsync(engine).ConfigureAwait(false); // whatever the feeds queued before they stopped
        }

        await engineStop.CancelAsync().ConfigureAwait(false);
        await engineTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        engine.Stop();
        _recorder!.CaptureAll();
    }

    /// <summary>Completes once the loop has handled everything queued as a command before it.</summary>
    private static Task PostAndWaitAsync(EngineLoop engine)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Post(done.SetResult);
        return done.Task;
    }

    private void OnMarketOpened(EngineLoop engine, LockedMarketDataSink mirror, BtcBinaryStrategy strategy, KalshiMarket opened)
    {
        var market = ToBinaryMarket(opened.Contract);
        RegisterForOrders(market);
        mirror.Add(market);
        engine.Post(() =>
        {
            engine.Cache.AddInstrument(market.Yes, market.Ticker);
            engine.Cache.AddInstrument(market.No, market.Ticker);
            strategy.AddMarket(market);
        });
        lock (_gate)
        {
            _marketsOpened.Add(market.Ticker);
        }

        _output.WriteLine($"kalshi: market {market.Ticker} opened ({market.Yes.OpenTime:u} to {market.Yes.CloseTime:u})");
    }

    private void OnSwitch(KalshiMarketSwitch change)
    {
        var now = string.Join(",", change.Current.Select(static m => m.Contract.Id.Symbol));
        if (change.Previous.Count == 0)
        {
            _output.WriteLine($"kalshi: trading {now}"); // the first window, not a rollover
            return;
        }

        Interlocked.Increment(ref _rollovers);
        _output.WriteLine(
            $"kalshi: now trading {now} (was {string.Join(",", change.Previous.Select(static m => m.Contract.Id.Symbol))})");
    }

    /// <summary>The YES contract as Kalshi describes it and its NO complement (same fees, grid, times; the strike reversed).</summary>
    internal static BinaryMarket ToBinaryMarket(BinaryContract yes)
    {
        var noStrike = yes.Strike is { Floor: { } floor } ? new BinaryStrike(StrikeType.Less, null, floor) : null;
        var no = new BinaryContract(new InstrumentId(yes.Id.Venue, yes.Id.Symbol + BinaryMarket.NoSuffix), yes.Fees, yes.PriceGrid,
            yes.SizeIncrement, yes.OpenTime, yes.CloseTime, noStrike, yes.Settlement);
        return new BinaryMarket(yes.Id.Symbol, yes, no);
    }

    private async Task<DashboardServer?> StartDashboardAsync(DashboardPublisher publisher, EngineLoop engine, CancellationToken ct)
    {
        if (!_settings.Dashboard || !_config.Dashboard.Enabled)
        {
            return null;
        }

        var server = new DashboardServer(publisher, engine.RequestKillSwitch, new DashboardServerOptions
        {
            Address = System.Net.IPAddress.Parse(_config.Dashboard.Bind),
            Port = _settings.DashboardPort ?? _config.Dashboard.Port,
        });
        try
        {
            await server.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            if (e is IOException)
            {
                throw new PaperSetupException($"dashboard: cannot listen on {_config.Dashboard.Bind}:{_settings.DashboardPort ?? _config.Dashboard.Port}: {e.Message}", e);
            }

            throw;
        }

        await _output.WriteLineAsync($"dashboard: {server.Url} (kill-switch token {server.Token})").ConfigureAwait(false);
        return server;
    }
}
