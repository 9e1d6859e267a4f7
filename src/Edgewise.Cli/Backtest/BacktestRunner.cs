// Runs one profile of the BTC binary strategy over the top-of-book file on the real engine, on a replay clock:
//   rows → TobBookFeeder → EngineLoop books → BtcBinaryStrategy (+ IndexTickPublisher from the rows' "brti")
//   strategy orders → RiskEngine (the profile's limits) → SimulatedVenue (zero latency) → fills at the book's touch
//   with the Kalshi taker fee (quadratic, multiplier 1: KXBTC15M, FACTS §5.8).
// Settlements are engine settlements at each market's close: the recorded result, else an inferred one (labelled),
// else none (positions stay open and are listed). Everything runs on this thread in time order (rows, then a
// settlement at the same instant after them), so the same inputs give the same result.
using Edgewise.Core.Books;
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Loop;
using Edgewise.Engine.Simulation;
using Edgewise.Engine.Time;
using Edgewise.Strategies.BtcBinary;
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Cli.Backtest;

internal static class BacktestRunner
{
    public const string Venue = "kalshi";
    public const string StrategyId = "btc-binary";

    /// <summary>Contracts assumed at every quoted level: the file has prices only.</summary>
    public static readonly Quantity AssumedLevelSize = Quantity.FromDecimal(1000m);

    /// <summary>Kalshi KXBTC15M fees: quadratic, multiplier 1 (takers pay 0.07 × C × P × (1 − P), makers nothing).</summary>
    public static readonly KalshiFeeModel Fees = new(KalshiFeeType.Quadratic, 1m);

    private const int DecisionCapacity = 1_000_000;

    public static BacktestResult Run(BtcBinaryProfile profile, TobData data, SettlementData settlements)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settlements);
        var outcomes = SettlementResolver.Resolve(data, settlements);
        var clock = new ReplayTimeProvider(data.Rows[0].TsNs);
        var engine = new EngineLoop(new EngineOptions
        {
            Clock = clock,
            BookFactory = static instrument => OrderBookFactory.ForBinaryContract(instrument.Id, instrument.MinTick),
            RiskLimits = profile.Risk,
        });
        using var venue = SimulatedVenue.Register(engine, Venue);

        var markets = new Dictionary<string, BinaryMarket>(StringComparer.Ordinal);
        var strategy = new BtcBinaryStrategy(StrategyId, profile.Options, engine.Bus, BookDepth.Unknown, DecisionCapacity);
        foreach (var m in data.Markets)
        {
            var market = BinaryMarket.AtLeastStrike(Venue, m.Ticker, m.OpenTime, m.CloseTime, null, Fees, TickGrid.TaperedDeciCent, Quantity.FromDecimal(1m));
            engine.Cache.AddInstrument(market.Yes, m.Ticker);
            engine.Cache.AddInstrument(market.No, m.Ticker);
            strategy.AddMarket(market);
            markets.Add(m.Ticker, market);
        }

        var scorer = new FairValueScorer(outcomes);
        strategy.FairValueObserver = scorer.Observe;
        var publisher = new IndexTickPublisher("btc-index", engine.Bus,
            new RecordedIndexTickSource(data.Rows.Select(static r => IndexTick.Usable(r.Brti, r.TsNs))));
        engine.Strategies.Add(publisher);
        engine.Strategies.Add(strategy);
        engine.Start();

        var feeder = new TobBookFeeder(engine, markets, AssumedLevelSize);
        foreach (var (tsNs, row, outcome) in Timeline(data, outcomes))
        {
            clock.AdvanceTo(tsNs);
            if (row is not null)
            {
                feeder.Apply(row);
            }
            else
            {
                Settle(engine, markets[outcome!.Market.Ticker], outcome.Result!.Value, tsNs);
            }
        }

        // Let the last evaluation and anything in flight finish.
        clock.AdvanceTo(data.Rows[^1].TsNs + (60L * 1_000_000_000L));
        engine.Stop();
        var fault = publisher.Fault ?? strategy.Fault ?? strategy.HandlerFault;
        if (fault is not null)
        {
            throw new InvalidOperationException($"the strategy failed during the backtest: {fault.Message}", fault);
        }

        var orders = engine.Cache.Orders;
        var portfolio = engine.Cache.Portfolio;
        var counters = new BacktestCounters(
            publisher.Published,
            feeder.Rows,
            venue.OrdersReceived,
            orders.Count(static o => o.Status == Core.Orders.OrderStatus.Denied),
            venue.OrdersRejected,
            venue.FillsReported,
            portfolio.RealizedPnl,
            portfolio.FeesPaid,
            portfolio.Ledger.Cash);
        return new BacktestResult(profile, data, settlements, outcomes, strategy.Trades, strategy.Decisions.Snapshot(), strategy.Decisions.Dropped,
            scorer.Score(SettlementSource.Recorded), scorer.Score(SettlementSource.Inferred), scorer.PerMarket(SettlementSource.Recorded), counters);
    }

    /// <summary>Rows and settlements in time order; at the same instant rows come first.</summary>
    private static IEnumerable<(long TsNs, TobRow? Row, MarketOutcome? Outcome)> Timeline(TobData data, IReadOnlyList<MarketOutcome> outcomes)
    {
        var settlements = outcomes
            .Where(static o => o.Result is not null)
            .Select(static o => (TsNs: ReplayTimeProvider.ToUnixNs(o.Market.CloseTime), Outcome: o))
            .OrderBy(static s => s.TsNs)
            .ThenBy(static s => s.Outcome.Market.Ticker, StringComparer.Ordinal)
            .ToList();
        var next = 0;
        foreach (var row in data.Rows)
        {
            while (next < settlements.Count && settlements[next].TsNs < row.TsNs)
            {
                yield return (settlements[next].TsNs, null, settlements[next].Outcome);
                next++;
            }

            yield return (row.TsNs, row, null);
        }

        for (; next < settlements.Count; next++)
        {
            yield return (settlements[next].TsNs, null, settlements[next].Outcome);
        }
    }

    private static void Settle(EngineLoop engine, BinaryMarket market, OutcomeSide result, long tsNs)
    {
        var yes = result == OutcomeSide.Yes ? BinaryContract.One : Price.Zero;
        engine.OnSettlement(market.Yes.Id, yes, tsNs);
        engine.OnSettlement(market.No.Id, BinaryContract.Complement(yes), tsNs);
    }
}
