using System.Globalization;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Risk;
using Edgewise.TestKit;

namespace Edgewise.Tests.Engine;

/// <summary>
/// An engine wired for tests: manual clock, test books, one recording execution client for the test venue,
/// instrument BTCUSD (tick 0.01, size 1), and a scripted strategy subscribed to it. Nothing runs until Start.
/// </summary>
internal sealed class EngineHarness
{
    private int _tradeIds;

    public EngineHarness(RiskLimits? limits = null, int dataCapacity = 1024)
    {
        Engine = new EngineLoop(new EngineOptions
        {
            Clock = Clock,
            BookFactory = static instrument => new TestOrderBook(instrument.Id),
            RiskLimits = limits ?? new RiskLimits(),
            DataQueueCapacity = dataCapacity,
        });
        Engine.Cache.AddInstrument(Btc);
        Engine.Execution.RegisterClient(Client);
        Strategy.Started = s => s.Ctx.Subscribe(Btc.Id);
        Engine.Strategies.Add(Strategy);
    }

    public ManualTimeProvider Clock { get; } = new();

    public EngineLoop Engine { get; }

    public RecordingExecutionClient Client { get; } = new("testvenue");

    public TestInstrument Btc { get; } = TestInstrument.Create("BTCUSD");

    public ScriptedStrategy Strategy { get; } = new();

    public long Now => Clock.GetUnixNs();

    public EngineHarness Start()
    {
        Engine.Start();
        return this;
    }

    /// <summary>Applies a one-level-per-side snapshot and declares the book healthy, as a venue data client would.</summary>
    public void Book(TestInstrument instrument, string bid, string ask, string size = "10")
    {
        var update = new BookUpdate();
        update.Reset(instrument.Id, BookUpdateKind.Snapshot, Now, Now);
        update.Add(BookSide.Bid, Price.Parse(bid), Quantity.Parse(size));
        update.Add(BookSide.Ask, Price.Parse(ask), Quantity.Parse(size));
        Engine.OnBookUpdate(update);
        Engine.OnBookStatus(new BookStatus(instrument.Id, BookHealth.Healthy, "snapshot", Now));
    }

    public void Book(string bid, string ask) => Book(Btc, bid, ask);

    /// <summary>Submits from the strategy, as if inside one of its callbacks.</summary>
    public SubmitResult Submit(OrderRequest request) => Engine.RunOnLoop(() => Strategy.Ctx.Submit(request));

    public SubmitResult Limit(OrderSide side, string price, int quantity, TestInstrument? instrument = null) =>
        Engine.RunOnLoop(() => Strategy.Ctx.SubmitLimit((instrument ?? Btc).Id, side, Price.Parse(price), Qty(quantity)));

    public SubmitResult Market(OrderSide side, int quantity, TestInstrument? instrument = null) =>
        Engine.RunOnLoop(() => Strategy.Ctx.SubmitMarket((instrument ?? Btc).Id, side, Qty(quantity)));

    public CancelOutcome Cancel(string clientOrderId) => Engine.RunOnLoop(() => Strategy.Ctx.Cancel(clientOrderId));

    public void Accept(string clientOrderId) =>
        Engine.OnOrderEvent(new OrderAccepted(clientOrderId, "v-" + clientOrderId, Now, Now));

    public void Fill(string clientOrderId, int quantity, string price, decimal fee = 0m) =>
        Engine.OnOrderEvent(new OrderFilled(
            clientOrderId,
            new Fill(string.Create(CultureInfo.InvariantCulture, $"x{++_tradeIds}"), Price.Parse(price), Qty(quantity), LiquiditySide.Taker, fee, Now),
            Now));

    /// <summary>Submits a limit order and fills it completely at its price: a quick way to move the position.</summary>
    public void Trade(OrderSide side, string price, int quantity)
    {
        var result = Limit(side, price, quantity);
        Assert.Equal(SubmitOutcome.Sent, result.Outcome);
        Fill(result.Order!.ClientOrderId, quantity, price);
    }

    public static Quantity Qty(int units) => new(units * FixedPoint.One);
}
