// Scores the fair-value model against recorded (and, separately, inferred) results: at every moment the strategy
// reported (FairValuePoint: a YES book change while the market was open), the model's probability and the market's
// mid are both scored against the outcome y ∈ {0, 1} with the Brier score (p − y)² and the log loss
// −(y ln p + (1 − y) ln(1 − p)). A moment counts only when both numbers exist, so the two are compared on exactly
// the same moments. Probabilities are clipped to [1e-4, 1 − 1e-4] for the log loss only (a model that says 0 for
// an outcome that happens would otherwise score infinity); the clip is reported. Sums run in a fixed order, so the
// scores are the same on every run; they are rounded to 6 decimals.
using Edgewise.Core.Instruments;
using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Cli.Backtest;

internal sealed class FairValueScorer
{
    /// <summary>The log-loss clip ε.</summary>
    public const double Epsilon = 1e-4;

    private readonly Dictionary<string, MarketOutcome> _outcomes;
    private readonly Dictionary<SettlementSource, Accumulator> _totals = [];
    private readonly Dictionary<string, Accumulator> _perMarket = new(StringComparer.Ordinal);

    public FairValueScorer(IEnumerable<MarketOutcome> outcomes)
    {
        _outcomes = outcomes.ToDictionary(static o => o.Market.Ticker, StringComparer.Ordinal);
    }

    public void Observe(FairValuePoint point)
    {
        if (!_outcomes.TryGetValue(point.Market, out var outcome) || outcome.Result is not { } result)
        {
            return;
        }

        var total = Get(_totals, outcome.Source);
        var market = Get(_perMarket, point.Market);
        if (point.Model is not { } model || point.MarketMid is not { } mid)
        {
            total.Skipped++;
            market.Skipped++;
            return;
        }

        var y = result == OutcomeSide.Yes ? 1m : 0m;
        total.Add(point.Market, model, mid, y);
        market.Add(point.Market, model, mid, y);
    }

    public FairValueScore Score(SettlementSource source) => _totals.TryGetValue(source, out var a) ? a.ToScore() : new Accumulator().ToScore();

    /// <summary>Scores per market, for markets of <paramref name="source"/>, in ticker order.</summary>
    public IReadOnlyList<(string Market, FairValueScore Score)> PerMarket(SettlementSource source) =>
        _perMarket
            .Where(p => _outcomes[p.Key].Source == source)
            .OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => (p.Key, p.Value.ToScore()))
            .ToList();

    private static Accumulator Get<TKey>(Dictionary<TKey, Accumulator> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var accumulator))
        {
            accumulator = new Accumulator();
            map.Add(key, accumulator);
        }

        return accumulator;
    }

    private sealed class Accumulator
    {
        private readonly HashSet<string> _markets = new(StringComparer.Ordinal);
        private decimal _modelBrier;
        private decimal _marketBrier;
        private double _modelLogLoss;
        private double _marketLogLoss;
        private int _moments;

        public int Skipped { get; set; }

        public void Add(string market, decimal model, decimal mid, decimal y)
        {
            _markets.Add(market);
            _moments++;
            _modelBrier += (model - y) * (model - y);
            _marketBrier += (mid - y) * (mid - y);
            _modelLogLoss += LogLoss((double)model, y == 1m);
            _marketLogLoss += LogLoss((double)mid, y == 1m);
        }

        public FairValueScore ToScore() => _moments == 0
            ? new FairValueScore(0, 0, Skipped, null, null, null, null)
            : new FairValueScore(_markets.Count, _moments, Skipped,
                Round(_modelBrier / _moments), Round(_marketBrier / _moments),
                Round((decimal)(_modelLogLoss / _moments)), Round((decimal)(_marketLogLoss / _moments)));

        private static double LogLoss(double p, bool happened)
        {
            var clipped = Math.Clamp(p, Epsilon, 1d - Epsilon);
            return -Math.Log(happened ? clipped : 1d - clipped);
        }

        private static decimal Round(decimal value) => decimal.Round(value, 6, MidpointRounding.ToEven);
    }
}
