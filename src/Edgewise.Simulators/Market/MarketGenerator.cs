// The demo's one source of truth for BTC: a seeded random walk on a fixed 100 ms grid of the simulated clock, from which every
// simulated venue derives its book and the Kalshi contracts their fair value. Per step (Δ = 0.1 s) the log return is
//   σ_regime · √Δ · z   (z standard normal)     + the drift of an active trend burst   + an occasional jump,
// where:
//   - volatility clusters by regime switching (checked once a second): calm 45 % annualised, stormy 130 %; calm lasts
//     300 s on average, stormy 90 s (so about a quarter of the time is stormy);
//   - jumps arrive about once every 6 minutes, 0.12-0.35 % either way, in one step;
//   - trend bursts (about one every 2.5 minutes while none runs) move the price 0.18-0.40 % in one direction over 20-45 s:
//     the momentum a delay-arbitrage rule looks for, which the lagging Kalshi books then trail.
// The price is decimal USD rounded to the cent after every step; the random numbers are doubles (they are not market data).
// Every whole second the price is printed as the index (the simulated BRTI); 60-second averages of those prints settle the
// Kalshi contracts. Same seed + same step count → same path: nothing here reads a clock, the owner calls Step.
using System.Globalization;

namespace Edgewise.Simulators.Market;

internal sealed class MarketGenerator
{
    public const long StepNs = 100_000_000;
    public const int StepsPerSecond = 10;
    public const long SecondNs = 1_000_000_000;

    private const double SecondsPerYear = 365.25 * 24 * 3600;
    private const double CalmAnnual = 0.45;
    private const double StormAnnual = 1.30;
    private const double CalmToStormPerSecond = 1.0 / 300;
    private const double StormToCalmPerSecond = 1.0 / 90;
    private const double JumpsPerSecond = 1.0 / 360;
    private const double BurstsPerSecond = 1.0 / 150;
    private const int HistorySteps = 120 * StepsPerSecond;
    private const int PrintHistorySeconds = 3 * 3600;

    private readonly Random _rng;
    private readonly decimal[] _history = new decimal[HistorySteps];
    private readonly decimal[] _prints = new decimal[PrintHistorySeconds];
    private int _burstStepsLeft;
    private double _burstDriftPerStep;
    private long _recorded;
    private long _firstPrintSecond = -1;
    private long _lastPrintSecond = -1;

    /// <param name="seed">The path's seed.</param>
    /// <param name="startPrice">USD at the first step.</param>
    /// <param name="startNs">Unix ns of the starting point (a multiple of <see cref="StepNs"/>), where the price is <paramref name="startPrice"/>.</param>
    public MarketGenerator(int seed, decimal startPrice, long startNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(startPrice, 0m);
        if (startNs % StepNs != 0)
        {
            throw new ArgumentException("The start must lie on the 100 ms grid.", nameof(startNs));
        }

        _rng = new Random(seed);
        Price = decimal.Round(startPrice, 2, MidpointRounding.ToEven);
        NowNs = startNs;
        Record();
    }

    /// <summary>Unix ns of the state: the start, then the last step taken.</summary>
    public long NowNs { get; private set; }

    /// <summary>Steps taken since the start.</summary>
    public long Steps { get; private set; }

    /// <summary>The true price now, USD to the cent.</summary>
    public decimal Price { get; private set; }

    public bool Stormy { get; private set; }

    /// <summary>The regime's volatility per √second (relative).</summary>
    public double SigmaPerSqrtSecond => (Stormy ? StormAnnual : CalmAnnual) / Math.Sqrt(SecondsPerYear);

    public int Jumps { get; private set; }

    public int TrendBursts { get; private set; }

    public int RegimeSwitches { get; private set; }

    public long StormySteps { get; private set; }

    public bool InTrendBurst => _burstStepsLeft > 0;

    /// <summary>The newest index print's second (Unix s), or -1 before the first whole second.</summary>
    public long LastPrintSecond => _lastPrintSecond;

    /// <summary>Advances one step: regime (on whole seconds), burst, jump, diffusion; prints the index on whole seconds.</summary>
    public void Step()
    {
        NowNs += StepNs;
        var onSecond = NowNs % SecondNs == 0;
        if (onSecond && _rng.NextDouble() < (Stormy ? StormToCalmPerSecond : CalmToStormPerSecond))
        {
            Stormy = !Stormy;
            RegimeSwitches++;
        }

        var logReturn = SigmaPerSqrtSecond * Math.Sqrt(1.0 / StepsPerSecond) * Normal();
        if (_burstStepsLeft > 0)
        {
            logReturn += _burstDriftPerStep;
            _burstStepsLeft--;
        }
        else if (_rng.NextDouble() < BurstsPerSecond / StepsPerSecond)
        {
            var steps = StepsPerSecond * (20 + _rng.Next(26));
            var move = (0.0018 + (0.0022 * _rng.NextDouble())) * Sign();
            _burstDriftPerStep = move / steps;
            _burstStepsLeft = steps;
            TrendBursts++;
        }

        if (_rng.NextDouble() < JumpsPerSecond / StepsPerSecond)
        {
            logReturn += (0.0012 + (0.0023 * _rng.NextDouble())) * Sign();
            Jumps++;
        }

        Price = decimal.Round(Price * (decimal)Math.Exp(logReturn), 2, MidpointRounding.ToEven);
        Steps++;
        if (Stormy)
        {
            StormySteps++;
        }

        Record();
    }

    /// <summary>The true price <paramref name="agoNs"/> before now (the oldest kept, 120 s or the start, when further back).</summary>
    public decimal PriceAgo(long agoNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agoNs);
        var back = Math.Min(agoNs / StepNs, Math.Min(_recorded, HistorySteps) - 1);
        return _history[(_recorded - 1 - back) % HistorySteps];
    }

    /// <summary>The index print of second <paramref name="unixSecond"/>, when it is still kept.</summary>
    public bool TryGetPrint(long unixSecond, out decimal value)
    {
        value = 0m;
        if (_firstPrintSecond < 0 || unixSecond < Math.Max(_firstPrintSecond, _lastPrintSecond - PrintHistorySeconds + 1) || unixSecond > _lastPrintSecond)
        {
            return false;
        }

        value = _prints[unixSecond % PrintHistorySeconds];
        return true;
    }

    /// <summary>
    /// The simple average of the prints of seconds [<paramref name="fromSecond"/>, <paramref name="toSecondExclusive"/>), to the cent,
    /// and how many prints it used (fewer than the span when the run started inside it).
    /// </summary>
    public (decimal? Average, int Prints) Average(long fromSecond, long toSecondExclusive)
    {
        var (sum, count) = Sum(fromSecond, toSecondExclusive);
        return count == 0 ? (null, 0) : (decimal.Round(sum / count, 2, MidpointRounding.ToEven), count);
    }

    /// <summary>The sum and count of the prints of seconds [<paramref name="fromSecond"/>, <paramref name="toSecondExclusive"/>) still kept.</summary>
    public (decimal Sum, int Prints) Sum(long fromSecond, long toSecondExclusive)
    {
        var sum = 0m;
        var count = 0;
        for (var s = fromSecond; s < toSecondExclusive; s++)
        {
            if (TryGetPrint(s, out var value))
            {
                sum += value;
                count++;
            }
        }

        return (sum, count);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BTC {Price} after {Steps} steps ({(Stormy ? "stormy" : "calm")}, {Jumps} jumps, {TrendBursts} bursts)");

    /// <summary>Keeps the price of the current step, and prints it as the index on a whole second.</summary>
    private void Record()
    {
        _history[_recorded++ % HistorySteps] = Price;
        if (NowNs % SecondNs == 0)
        {
            Print(NowNs / SecondNs);
        }
    }

    private void Print(long unixSecond)
    {
        if (_firstPrintSecond < 0)
        {
            _firstPrintSecond = unixSecond;
        }

        _prints[unixSecond % PrintHistorySeconds] = Price;
        _lastPrintSecond = unixSecond;
    }

    private double Sign() => _rng.Next(2) == 0 ? -1.0 : 1.0;

    /// <summary>A standard normal draw (Box-Muller; the second value is dropped so each draw uses exactly two uniforms).</summary>
    private double Normal()
    {
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
