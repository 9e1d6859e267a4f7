// Drives one BtcBinaryStrategy on a real engine (replay clock, risk engine, simulated Kalshi venue) through a
// constructed scenario: times are seconds after the market opens, index ticks are published on the bus inside a
// loop dispatch (as IndexTickPublisher does), quotes become YES and NO books (NO mirrors YES), and After(t) moves
// the clock so the strategy's evaluation (50 ms after a change) runs.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Risk;
using Edgewise.Engine.Simulation;
using Edgewise.Engine.Time;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Decisions;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Tests.Strategies.BtcBinary;

internal sealed class StrategyHarness : IDisposable
{
    public const decimal Strike = 100_000m;
    public const string Ticker = "KXBTC15M-26FEB020300-00";
    public static readonly DateTimeOffset Open = new(2026, 2, 2, 7, 45, 0, TimeSpan.Zero);
    public static readonly long OpenNs = ReplayTimeProvider.ToUnixNs(Open);

    private readonly BookUpdate _update = new();
    private readonly NoBookMirror _mirror;

    // beforeStart runs once the market's instruments are in the cache, before the engine starts (a restored portfolio).
    public StrategyHarness(BtcBinaryOptions? options = null, RiskLimits? risk = null, BookDepth depth = BookDepth.Known, decimal? strike = Strike,
        Action<EngineLoop, BinaryMarket>? beforeStart = null)
    {
        Clock = new ReplayTimeProvider(OpenNs - (120L * 1_000_000_000L));
        Engine = new EngineLoop(new EngineOptions
        {
            Clock = Clock,
            BookFactory = static i => OrderBookFactory.ForBinaryContract(i.Id, i.MinTick),
            RiskLimits = risk ?? new RiskLimits(),
        });
        Venue = SimulatedVenue.Register(Engine, "kalshi");
        Market = BinaryMarket.AtLeastStrike("kalshi", Ticker, Open, Open.AddMinutes(15), strike,
            new KalshiFeeModel(KalshiFeeType.Quadratic, 1m), TickGrid.TaperedDeciCent, Quantity.FromDecimal(1m));
        Engine.Cache.AddInstrument(Market.Yes, Ticker);
        Engine.Cache.AddInstrument(Market.No, Ticker);
        Strategy = new BtcBinaryStrategy("s", options ?? new BtcBinaryOptions(), Engine.Bus, depth);
        Strategy.AddMarket(Market);
        _mirror = new NoBookMirror(Engine);
        _mirror.Add(Market);
        Engine.Strategies.Add(Strategy);
        beforeStart?.Invoke(Engine, Market);
        Engine.Start();
    }

    public ReplayTimeProvider Clock { get; }

    public EngineLoop Engine { get; }

    public SimulatedVenue Venue { get; }

    public BinaryMarket Market { get; }

    public BtcBinaryStrategy Strategy { get; }

    public IReadOnlyList<DecisionRecord> Decisions => Strategy.Decisions.Snapshot();

    public List<DecisionRecord> Entries => Decisions.Where(static d => d.Kind == DecisionKind.Entry).ToList();

    public static long Ns(double secondsAfterOpen) => OpenNs + (long)Math.Round(secondsAfterOpen * 1e9);

    public void At(double secondsAfterOpen) => Clock.AdvanceTo(Ns(secondsAfterOpen));

    public void Index(double t, decimal value)
    {
        At(t);
        Publish(IndexTick.Usable(Price.FromDecimal(value), Ns(t)));
    }

    public void Outage(double t)
    {
        At(t);
        Publish(IndexTick.Outage(Ns(t)));
    }

    /// <summary>A YES snapshot bid/ask with <paramref name="size"/> contracts at each level (the NO book is its mirror).</summary>
    public void Quote(double t, decimal bid, decimal ask, decimal size = 1000m)
    {
        At(t);
        var ts = Ns(t);
        _update.Reset(Market.Yes.Id, BookUpdateKind.Snapshot, ts, ts);
        _update.Add(BookSide.Bid, Price.FromDecimal(bid), Quantity.FromDecimal(size));
        _update.Add(BookSide.Ask, Price.FromDecimal(ask), Quantity.FromDecimal(size));
        _mirror.OnBookUpdate(_update);
        _mirror.OnBookStatus(new BookStatus(Market.Yes.Id, BookHealth.Healthy, "snapshot", ts));
    }

    public void Status(InstrumentId instrument, BookHealth health, double t)
    {
        At(t);
        Engine.OnBookStatus(new BookStatus(instrument, health, "test", Ns(t)));
    }

    /// <summary>Index and quote at <paramref name="t"/>, then the evaluation.</summary>
    public void Step(double t, decimal index, decimal bid, decimal ask, decimal size = 1000m)
    {
        Index(t, index);
        Quote(t, bid, ask, size);
        At(t + 0.1);
    }

    public void Settle(OutcomeSide result, double t)
    {
        At(t);
        var yes = result == OutcomeSide.Yes ? BinaryContract.One : Price.Zero;
        Engine.OnSettlement(Market.Yes.Id, yes, Ns(t));
        Engine.OnSettlement(Market.No.Id, BinaryContract.Complement(yes), Ns(t));
    }

    public void Dispose()
    {
        Engine.Stop();
        Venue.Dispose();
        Assert.Null(Strategy.Fault);
        Assert.Null(Strategy.HandlerFault);
    }

    private void Publish(IndexTick tick) => Engine.RunOnLoop(() =>
    {
        Engine.Bus.Publish(tick);
        return 0;
    });
}
