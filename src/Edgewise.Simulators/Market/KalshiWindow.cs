// One simulated KXBTC15M market (a 15-minute window) and the resting book its makers keep. The makers price the contract at
// KalshiFairValue of what they see, which is the index some seconds ago (the window's lag, 5-20 s: the delay a faster trader
// exploits), then overreact a little at the extremes (logit × 1.3, the favourite-longshot pattern that makes fading extreme
// prices pay) and add slowly wandering noise. A flash crash, when one runs, pushes one side's price down by its depth and back.
// The book is YES bids and NO bids on the tapered grid (0.001 steps below 0.10 and above 0.90, 0.01 between), twelve levels
// each, the touch a cent or so either side of the makers' price; a level keeps its size while it stays, new ones get 60-500
// contracts near the touch and more deeper. Book changes are returned as Kalshi deltas: signed size changes per level.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Time;

namespace Edgewise.Simulators.Market;

internal sealed class KalshiWindow
{
    private const int Levels = 12;
    private const double Overreaction = 1.3;
    private static readonly TickGrid Grid = TickGrid.TaperedDeciCent;

    private readonly Random _rng;
    private double _noise;
    private (decimal Bid, decimal Ask) _shaped = (-1m, -1m);

    public KalshiWindow(SimKalshiMarket market, double lagSeconds, Random rng)
    {
        Market = market;
        LagSeconds = lagSeconds;
        _rng = rng;
        OpenNs = UnixTime.ToUnixNs(market.OpenTime);
        CloseNs = UnixTime.ToUnixNs(market.CloseTime);
    }

    /// <summary>The market as the server lists it (replaced when its strike is set and when it settles).</summary>
    public SimKalshiMarket Market { get; set; }

    public string Ticker => Market.Ticker;

    public long OpenNs { get; }

    public long CloseNs { get; }

    public double LagSeconds { get; }

    /// <summary>The strike once known (the first window's at start, the others' at their open).</summary>
    public decimal? Strike => Market.StrikeListed ? Market.FloorStrike : null;

    public bool Settled => Market.Result is not null;

    /// <summary>YES bids as the server's book holds them.</summary>
    public SortedDictionary<decimal, decimal> Yes { get; } = [];

    /// <summary>NO bids as the server's book holds them.</summary>
    public SortedDictionary<decimal, decimal> No { get; } = [];

    /// <summary>The makers' YES price of the last update (before the spread).</summary>
    public double BookProbability { get; private set; } = 0.5;

    public KalshiFlashCrash? Crash { get; set; }

    /// <summary>Best YES bid and ask (Kalshi's sentinels 0 and 1 for an empty side).</summary>
    public (decimal Bid, decimal Ask) Touch => (Yes.Count == 0 ? 0m : Yes.Keys.Max(), No.Count == 0 ? 1m : 1m - No.Keys.Max());

    /// <summary>Moves the book to the makers' price <paramref name="fair"/> (before overreaction, noise and crash); adds the deltas.</summary>
    public void Update(double fair, long nowNs, double halfSpread, List<(bool Yes, decimal Price, decimal Delta)> deltas)
    {
        _noise = (0.98 * _noise) + (0.016 * Normal());
        var p = Math.Clamp(fair, 0.003, 0.997);
        var logit = (Overreaction * Math.Log(p / (1 - p))) + _noise;
        p = 1 / (1 + Math.Exp(-logit));
        if (Crash is { } crash)
        {
            var drop = crash.DepthAt(nowNs);
            p = crash.YesSide ? p * (1 - drop) : 1 - ((1 - p) * (1 - drop));
        }

        BookProbability = p;
        var yesBid = RoundDown(p - halfSpread);
        var yesAsk = RoundUp(p + halfSpread);
        if (yesAsk <= yesBid && Grid.TryGetNextUp(Price.FromDecimal(yesBid), out var up))
        {
            yesAsk = up.ToDecimal();
        }

        if ((yesBid, yesAsk) != _shaped)
        {
            Reshape(Yes, yesBid, true, deltas);
            Reshape(No, 1m - yesAsk, false, deltas);
            _shaped = (yesBid, yesAsk);
        }

        if (_rng.NextDouble() < 0.05)
        {
            Churn(deltas);
        }
    }

    /// <summary>A taker takes up to <paramref name="count"/> at one side's touch; returns the YES price and the count traded.</summary>
    public (decimal YesPrice, decimal Count)? Trade(bool takerBuysYes, decimal count, List<(bool Yes, decimal Price, decimal Delta)> deltas)
    {
        var side = takerBuysYes ? No : Yes; // buying YES takes a NO bid (a YES ask at 1 − its price), and the other way round
        if (side.Count == 0)
        {
            return null;
        }

        var (price, size) = side.Last();
        var traded = Math.Min(size, count);
        Change(side, !takerBuysYes, price, -traded, deltas);
        if (traded == size)
        {
            _shaped = (-1m, -1m); // the touch level is gone: the next update puts the book back in shape
        }

        return (takerBuysYes ? 1m - price : price, traded);
    }

    private void Reshape(SortedDictionary<decimal, decimal> side, decimal best, bool yes, List<(bool Yes, decimal Price, decimal Delta)> deltas)
    {
        var target = new List<decimal>();
        var price = Price.FromDecimal(best);
        while (target.Count < Levels && price > Grid.Min)
        {
            target.Add(price.ToDecimal());
            if (!Grid.TryGetNextDown(price, out price))
            {
                break;
            }
        }

        foreach (var stale in side.Keys.Where(p => !target.Contains(p)).ToList())
        {
            Change(side, yes, stale, -side[stale], deltas);
        }

        for (var i = 0; i < target.Count; i++)
        {
            if (!side.ContainsKey(target[i]))
            {
                Change(side, yes, target[i], i < 3 ? 60 + _rng.Next(441) : 50 + _rng.Next(1500), deltas);
            }
        }
    }

    /// <summary>One level behind the touch changes size (never below 50 contracts).</summary>
    private void Churn(List<(bool Yes, decimal Price, decimal Delta)> deltas)
    {
        var yes = _rng.Next(2) == 0;
        var side = yes ? Yes : No;
        if (side.Count < 2)
        {
            return;
        }

        var price = side.Keys.ElementAt(_rng.Next(side.Count - 1));
        var size = side[price];
        var delta = Math.Max(50 - size, _rng.Next(-100, 201));
        if (delta != 0)
        {
            Change(side, yes, price, delta, deltas);
        }
    }

    private static void Change(SortedDictionary<decimal, decimal> side, bool yes, decimal price, decimal delta, List<(bool Yes, decimal Price, decimal Delta)> deltas)
    {
        var size = side.GetValueOrDefault(price) + delta;
        if (size <= 0)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = size;
        }

        deltas.Add((yes, price, delta));
    }

    private static decimal RoundDown(double p) =>
        Grid.TryRoundDown(Price.FromDecimal(Math.Clamp(decimal.Round((decimal)p, 6), 0.001m, 0.998m)), out var rounded) ? rounded.ToDecimal() : 0.001m;

    private static decimal RoundUp(double p) =>
        Grid.TryRoundUp(Price.FromDecimal(Math.Clamp(decimal.Round((decimal)p, 6), 0.002m, 0.999m)), out var rounded) ? rounded.ToDecimal() : 0.999m;

    private double Normal()
    {
        var u1 = 1.0 - _rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * _rng.NextDouble());
    }
}
