using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Time;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Simulation;
using Edgewise.TestKit;
using Edgewise.Tests.Engine;

namespace Edgewise.Tests.Simulation;

/// <summary>The simulated venue registered as the engine's execution client, driven by a strategy: replay and paper wiring.</summary>
public class SimulatedVenueEngineTests
{
    [Fact]
    public void EngineLoop_StrategyBuysThenSellsThroughSimulatedVenue_PortfolioPositionCashAndFeesReconcile()
    {
        var run = new StrategyRun(new SimulatedVenueOptions
        {
            EntryLatency = TimeSpan.FromMilliseconds(10),
            FeedLatency = TimeSpan.FromMilliseconds(5),
        });

        run.Play();

        var portfolio = run.Engine.Cache.Portfolio;
        var id = run.Contract.Id;
        // Buy 40 at market: 10 @ 0.095 + 20 @ 0.10 + 10 @ 0.11 = 4.05, taker fees 0.060183 + 0.126 + 0.06853 = 0.254713.
        // Sell 40 resting at 0.12 behind 30: a trade of 50 leaves 20 for us, a trade of 25 the other 20; maker fee per
        // fill 0.0175 × 20 × 0.12 × 0.88 = 0.03696, so 0.07392. Proceeds 40 × 0.12 = 4.80.
        Assert.Equal(Quantity.Zero, portfolio.NetQuantity(id));
        Assert.Equal(0.75m, portfolio.RealizedPnl);                 // 4.80 − 4.05
        Assert.Equal(0.328633m, portfolio.FeesPaid);                // 0.254713 + 0.07392
        Assert.Equal(100.421367m, portfolio.Ledger.Cash);           // 100 − 4.05 − 0.254713 + 4.80 − 0.07392
        Assert.True(portfolio.IsReconciled());
        Assert.All(run.Engine.Cache.Orders, o => Assert.Equal(OrderStatus.Filled, o.Status));
        Assert.Equal(0.10125m, run.Engine.Cache.Orders.Single(o => o.Side == OrderSide.Buy).AverageFillPrice);
        Assert.Empty(run.Engine.Cache.OpenOrders);
        Assert.Equal(0, run.Engine.Execution.RefusedOrderEvents);
        Assert.Equal(0, run.Venue.InFlight);
    }

    [Fact]
    public void EngineLoop_SameInputsTwice_IdenticalFillsAndEventTimes()
    {
        var options = new SimulatedVenueOptions { EntryLatency = TimeSpan.FromMilliseconds(10), FeedLatency = TimeSpan.FromMilliseconds(5) };
        var first = new StrategyRun(options);
        var second = new StrategyRun(options);

        first.Play();
        second.Play();

        var fills = first.Strategy.OrderEvents.OfType<OrderFilled>().Select(f => f.Fill).ToList();
        Assert.Equal(5, fills.Count);
        Assert.Equal(fills, second.Strategy.OrderEvents.OfType<OrderFilled>().Select(f => f.Fill));
        Assert.Equal(first.Strategy.OrderEvents, second.Strategy.OrderEvents);
        Assert.Equal(first.Strategy.Log, second.Strategy.Log);
    }

    [Fact]
    public async Task RunAsync_PaperModeWithEntryLatency_OrderFillsWhenTheClockPassesTheLatency()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = new StrategyRun(new SimulatedVenueOptions { EntryLatency = TimeSpan.FromMilliseconds(50) });
        var submitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.OnBuySent = submitted.SetResult;
        run.Strategy.OrderEventHook = (_, e) =>
        {
            if (e is OrderFilled)
            {
                filled.TrySetResult();
            }
        };
        run.Engine.Start();
        var loop = run.Engine.RunAsync(ct);

        run.Engine.Inbox.OnBookUpdate(run.Snapshot());
        run.Engine.Inbox.OnBookStatus(new BookStatus(run.Contract.Id, BookHealth.Healthy, "snapshot", run.Clock.GetUnixNs()));
        run.Engine.Inbox.OnBookUpdate(run.Delta("ask 0.12 30"));
        await submitted.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        run.Clock.Advance(TimeSpan.FromMilliseconds(50)); // the venue's timer fires on this thread and posts to the loop
        await filled.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        run.Engine.Inbox.Complete();
        await loop;

        Assert.Equal(VenueHarness.Qty(40), run.Engine.Cache.Portfolio.NetQuantity(run.Contract.Id));
        Assert.True(run.Engine.Cache.Portfolio.IsReconciled());
    }

    /// <summary>
    /// A strategy that buys 40 at market on the first healthy book and, once filled, offers 40 at 0.12; a recorded
    /// session of book updates and trades played through the engine on a manual clock.
    /// </summary>
    private sealed class StrategyRun
    {
        private bool _bought;

        public StrategyRun(SimulatedVenueOptions options)
        {
            Engine = new EngineLoop(new EngineOptions
            {
                Clock = Clock,
                BookFactory = static instrument => OrderBookFactory.ForBinaryContract(instrument.Id, instrument.MinTick),
            });
            Engine.Cache.AddInstrument(Contract);
            Engine.Cache.Portfolio.Deposit(100m, Clock.GetUnixNs(), "start");
            Venue = SimulatedVenue.Register(Engine, VenueHarness.VenueName, options);
            Strategy.Started = s => s.Ctx.Subscribe(Contract.Id);
            Strategy.BookHook = (s, book) =>
            {
                if (!_bought && book.Health == BookHealth.Healthy)
                {
                    _bought = true;
                    s.Ctx.SubmitMarket(Contract.Id, OrderSide.Buy, VenueHarness.Qty(40));
                    OnBuySent?.Invoke();
                }
            };
            Strategy.OrderEventHook = SellWhenBought;
            Engine.Strategies.Add(Strategy);
        }

        public ManualTimeProvider Clock { get; } = new();

        public EngineLoop Engine { get; }

        public Edgewise.Core.Instruments.BinaryContract Contract { get; } = VenueHarness.KalshiContract("KXTEST-26JAN01-T1");

        public SimulatedVenue Venue { get; }

        public ScriptedStrategy Strategy { get; } = new();

        public Action? OnBuySent { get; set; }

        public void Play()
        {
            Engine.Start();
            Engine.OnBookUpdate(Snapshot());
            Engine.OnBookStatus(new BookStatus(Contract.Id, BookHealth.Healthy, "snapshot", Clock.GetUnixNs()));
            Engine.OnBookUpdate(Delta("bid 0.09 30")); // first healthy book: the strategy buys
            Clock.Advance(TimeSpan.FromMilliseconds(15)); // +10 at the venue, +5 back: filled, the sell is sent
            Clock.Advance(TimeSpan.FromMilliseconds(10)); // the sell rests at 0.12 behind 30
            Engine.OnTrade(new TradeTick(Contract.Id, Price.Parse("0.12"), VenueHarness.Qty(50), OrderSide.Buy, 1, Clock.GetUnixNs(), Clock.GetUnixNs()));
            Engine.OnBookUpdate(Delta("ask 0.12 0"));
            Engine.OnTrade(new TradeTick(Contract.Id, Price.Parse("0.12"), VenueHarness.Qty(25), OrderSide.Buy, 2, Clock.GetUnixNs(), Clock.GetUnixNs()));
            Clock.Advance(TimeSpan.FromMilliseconds(5)); // the maker fills come back
            Engine.Stop();
        }

        public BookUpdate Snapshot() => Update(BookUpdateKind.Snapshot, "bid 0.09 30", "ask 0.095 10", "ask 0.10 20", "ask 0.11 50", "ask 0.12 30");

        public BookUpdate Delta(params string[] levels) => Update(BookUpdateKind.Delta, levels);

        private void SellWhenBought(ScriptedStrategy s, OrderEvent e)
        {
            if (e is OrderFilled && s.Ctx.Cache.TryGetOrder(e.ClientOrderId, out var order)
                && order.Side == OrderSide.Buy && order.Status == OrderStatus.Filled)
            {
                s.Ctx.SubmitLimit(Contract.Id, OrderSide.Sell, Price.Parse("0.12"), order.FilledQuantity);
            }
        }

        private BookUpdate Update(BookUpdateKind kind, params string[] levels)
        {
            var update = new BookUpdate();
            var now = Clock.GetUnixNs();
            update.Reset(Contract.Id, kind, now, now);
            foreach (var level in levels)
            {
                var parts = level.Split(' ');
                update.Add(parts[0] == "bid" ? BookSide.Bid : BookSide.Ask, Price.Parse(parts[1]), Quantity.Parse(parts[2]));
            }

            return update;
        }
    }
}
