using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Portfolio;
using Edgewise.Core.Time;
using Edgewise.Dashboard.Publishing;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Risk;
using Edgewise.Engine.Simulation;
using Edgewise.TestKit;

namespace Edgewise.Tests.Dashboard;

/// <summary>
/// An engine for dashboard tests: manual clock, 10,000 USD deposited, one spot pair BTCUSD.sim (tick 0.01, size 0.001,
/// maker 0.05% / taker 0.1%), a simulated venue with no latency, two commanded strategies (alpha, beta), and the
/// dashboard publisher attached with one feed row the test controls. In live mode the engine runs RunAsync on a
/// background task and the harness writes to its inbox; otherwise every call is handled before it returns.
/// </summary>
internal sealed class DashboardHarness : IAsyncDisposable
{
    public const decimal Deposit = 10_000m;

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private volatile IReadOnlyList<FeedStatus> _feeds = [new FeedStatus { Feed = "sim", State = "Connected", StateText = "connected", Connected = true, Messages = 42, MessagesPerSecond = 2.5 }];

    public DashboardHarness(DashboardPublisherOptions? options = null, RiskLimits? limits = null)
    {
        var portfolio = new Portfolio();
        portfolio.Deposit(Deposit, Clock.GetUnixNs(), "initial");
        Engine = new EngineLoop(new EngineOptions
        {
            Clock = Clock,
            BookFactory = static instrument => OrderBookFactory.ForUnbounded(instrument.Id),
            Portfolio = portfolio,
            RiskLimits = limits ?? new RiskLimits { MaxOrderQuantity = 5m },
        });
        Engine.Cache.AddInstrument(Btc);
        Venue = SimulatedVenue.Register(Engine, "sim");
        Alpha = new CommandedStrategy("alpha", Btc.Id);
        Beta = new CommandedStrategy("beta", Btc.Id);
        Engine.Strategies.Add(Alpha);
        Engine.Strategies.Add(Beta);
        Publisher = DashboardPublisher.Attach(Engine, () => _feeds, options);
    }

    public ManualTimeProvider Clock { get; } = new();

    public EngineLoop Engine { get; }

    public SimulatedVenue Venue { get; }

    public SpotPair Btc { get; } = new(
        new InstrumentId("sim", "BTCUSD"), new MakerTakerFeeModel(0.0005m, 0.001m), "BTC", "USD", Price.Parse("0.01"), Quantity.Parse("0.001"));

    public CommandedStrategy Alpha { get; }

    public CommandedStrategy Beta { get; }

    public DashboardPublisher Publisher { get; }

    public bool Live => _loop is not null;

    public IReadOnlyList<FeedStatus> Feeds
    {
        set => _feeds = value;
    }

    /// <summary>Starts the engine: on this thread (synchronous mode), or running RunAsync in the background (live mode).</summary>
    public DashboardHarness Start(bool live = false)
    {
        if (live)
        {
            _loop = Task.Run(() => Engine.RunAsync(_stop.Token));
        }
        else
        {
            Engine.Start();
        }

        return this;
    }

    /// <summary>A one-level-per-side snapshot of the book followed by a healthy status, as a venue data client sends them.</summary>
    public void Book(decimal bid, decimal ask, decimal size = 5m)
    {
        var now = Clock.GetUnixNs();
        var update = new BookUpdate();
        update.Reset(Btc.Id, BookUpdateKind.Snapshot, now, now);
        update.Add(BookSide.Bid, Price.FromDecimal(bid), Quantity.FromDecimal(size));
        update.Add(BookSide.Ask, Price.FromDecimal(ask), Quantity.FromDecimal(size));
        var status = new BookStatus(Btc.Id, BookHealth.Healthy, "snapshot", now);
        if (Live)
        {
            Engine.Inbox.OnBookUpdate(update);
            Engine.Inbox.OnBookStatus(status);
        }
        else
        {
            Engine.OnBookUpdate(update);
            Engine.OnBookStatus(status);
        }
    }

    public void Advance(TimeSpan delta) => Clock.Advance(delta);

    /// <summary>Waits (bounded by the test's token) for a published snapshot that satisfies <paramref name="condition"/>.</summary>
    public async Task<DashboardSnapshot> WaitForAsync(Func<DashboardSnapshot, bool> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var snapshot = Publisher.Current;
        while (!condition(snapshot))
        {
            snapshot = await Publisher.WaitForNewerAsync(snapshot.Sequence, timeout.Token);
        }

        return snapshot;
    }

    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _stop.CancelAsync();
            await _loop;
        }

        Engine.Stop();
        Publisher.Dispose();
        Venue.Dispose();
        Alpha.Dispose();
        Beta.Dispose();
        _stop.Dispose();
    }
}
