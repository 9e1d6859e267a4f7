using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Simulation;
using Edgewise.TestKit;

namespace Edgewise.Tests.Simulation;

/// <summary>
/// An engine on a manual clock with one Kalshi binary contract (tapered deci-cent grid, whole contracts, dense book,
/// Kalshi fees with maker fees) and a simulated venue for "kalshi" whose events are recorded here instead of applied,
/// so tests see exactly what the venue reports. Orders are sent straight to the venue, as the execution engine would.
/// </summary>
internal sealed class VenueHarness
{
    public const string VenueName = "kalshi";

    private int _orderIds;
    private long _tradeIds;

    public VenueHarness(SimulatedVenueOptions? options = null)
    {
        Engine = new EngineLoop(new EngineOptions
        {
            Clock = Clock,
            BookFactory = static instrument => OrderBookFactory.ForBinaryContract(instrument.Id, instrument.MinTick),
        });
        Engine.Cache.AddInstrument(Contract);
        Events = new RecordingEventSink(() => Clock.GetUnixNs());
        Venue = new SimulatedVenue(Engine, VenueName, options, Events);
        Engine.Bus.Subscribe((in CancelRejected rejected) => CancelRejects.Add(rejected));
    }

    public ManualTimeProvider Clock { get; } = new();

    public EngineLoop Engine { get; }

    public BinaryContract Contract { get; } = KalshiContract("KXTEST-26JAN01-T1");

    public SimulatedVenue Venue { get; }

    public RecordingEventSink Events { get; }

    public List<CancelRejected> CancelRejects { get; } = [];

    public long Now => Clock.GetUnixNs();

    /// <summary>A binary contract on Kalshi's tapered grid (0.001 below 0.10 and above 0.90, 0.01 between), whole contracts, maker fees charged.</summary>
    public static BinaryContract KalshiContract(string symbol) => new(
        new InstrumentId(VenueName, symbol),
        new KalshiFeeModel(KalshiFeeType.QuadraticWithMakerFees),
        TickGrid.TaperedDeciCent,
        Quantity.Parse("1"),
        ManualTimeProvider.DefaultStart,
        ManualTimeProvider.DefaultStart.AddDays(1),
        strike: null,
        settlement: null);

    /// <summary>Replaces the book with these levels ("bid 0.50 100", "ask 0.52 40") and declares it healthy.</summary>
    public void Snapshot(params string[] levels)
    {
        Apply(BookUpdateKind.Snapshot, levels);
        Engine.OnBookStatus(new BookStatus(Contract.Id, BookHealth.Healthy, "snapshot", Now));
    }

    /// <summary>Sets the absolute size of the given levels ("ask 0.42 12"; size 0 removes the level).</summary>
    public void Delta(params string[] levels) => Apply(BookUpdateKind.Delta, levels);

    public void Status(BookHealth health) => Engine.OnBookStatus(new BookStatus(Contract.Id, health, "test", Now));

    /// <summary>A public trade of <paramref name="size"/> contracts at <paramref name="price"/>.</summary>
    public void Trade(string price, int size, OrderSide aggressor) =>
        Engine.OnTrade(new TradeTick(Contract.Id, Price.Parse(price), Qty(size), aggressor, ++_tradeIds, Now, Now));

    public string Market(OrderSide side, int quantity) =>
        Send(OrderRequest.Market(NextId(), Contract.Id, side, Qty(quantity)));

    public string Limit(OrderSide side, string price, int quantity, TimeInForce timeInForce = TimeInForce.Gtc) =>
        Send(OrderRequest.Limit(NextId(), Contract.Id, side, Price.Parse(price), Qty(quantity), timeInForce));

    /// <summary>Hands a request to the venue (as the execution engine does); returns its client order id.</summary>
    public string Send(OrderRequest request)
    {
        Venue.Submit(request);
        return request.ClientOrderId;
    }

    public void Cancel(string clientOrderId) => Venue.Cancel(new CancelRequest(clientOrderId, null, Contract.Id));

    public Quantity QueueAhead(string clientOrderId)
    {
        Assert.True(Venue.TryGetQueuePosition(clientOrderId, out var ahead), $"{clientOrderId} is not resting");
        return ahead;
    }

    public static Quantity Qty(int units) => new(units * FixedPoint.One);

    public static Quantity Qty(string text) => Quantity.Parse(text);

    public static long Ms(int milliseconds) => milliseconds * 1_000_000L;

    private string NextId() => $"o{++_orderIds}";

    private void Apply(BookUpdateKind kind, string[] levels)
    {
        var update = new BookUpdate();
        update.Reset(Contract.Id, kind, Now, Now);
        foreach (var level in levels)
        {
            var parts = level.Split(' ');
            var side = parts[0] == "bid" ? BookSide.Bid : BookSide.Ask;
            update.Add(side, Price.Parse(parts[1]), Quantity.Parse(parts[2]));
        }

        Engine.OnBookUpdate(update);
    }
}
