using Edgewise.Simulators.Market;
using Edgewise.TestKit;

namespace Edgewise.Tests.Simulators;

/// <summary>The generator alone: determinism, and its statistics over six simulated hours against the rates it is built with.</summary>
public sealed class MarketGeneratorTests
{
    private const int Hours = 6;
    private static readonly long StartNs = ManualTimeProvider.ToUnixNs(ManualTimeProvider.DefaultStart);

    [Fact]
    public void Step_SameSeed_SamePathAndPrints_OtherSeedAnother()
    {
        var a = Run(seed: 42, steps: 20_000);
        var b = Run(seed: 42, steps: 20_000);
        var c = Run(seed: 43, steps: 20_000);

        Assert.Equal(a.Path, b.Path);
        Assert.Equal(a.Generator.Average(a.Generator.LastPrintSecond - 59, a.Generator.LastPrintSecond + 1),
            b.Generator.Average(b.Generator.LastPrintSecond - 59, b.Generator.LastPrintSecond + 1));
        Assert.NotEqual(a.Path, c.Path);
        Assert.All(a.Path, p => Assert.Equal(p, decimal.Round(p, 2))); // USD to the cent
    }

    [Fact]
    public void Step_SixHours_JumpsBurstsAndStormsAtTheirRates()
    {
        var (generator, _) = Run(seed: 20260101, steps: Hours * 3600 * MarketGenerator.StepsPerSecond);
        var seconds = Hours * 3600.0;

        // Jumps: 1 per 360 s → 21,600 / 360 = 60 expected, Poisson sd √60 ≈ 7.7; ±3.5 sd is 33..87.
        Assert.InRange(generator.Jumps, 33, 87);
        // Trend bursts: while none runs, 1 per 150 s; each lasts 20-45 s (32.5 s on average), so a cycle is about 182.5 s:
        // 21,600 / 182.5 ≈ 118, sd about √118 ≈ 11; ±3.5 sd is 80..157.
        Assert.InRange(generator.TrendBursts, 80, 157);
        // Regimes: calm lasts 300 s on average and stormy 90 s, so stormy 90 / 390 ≈ 23 % of the time, over about 55 cycles
        // (21,600 / 390); the share of a few dozen exponential spells varies by several points, hence 12-36 %.
        var stormyShare = generator.StormySteps / (seconds * MarketGenerator.StepsPerSecond);
        Assert.InRange(stormyShare, 0.12, 0.36);
        Assert.InRange(generator.RegimeSwitches, 2 * 55 / 2, 2 * 55 * 2); // two switches per cycle, within a factor of two
    }

    [Fact]
    public void Step_SixHours_VolatilityClustersByRegime()
    {
        // One-second log returns, leaving out the seconds with a jump or inside a trend burst (their moves are not diffusion).
        var generator = new MarketGenerator(20260101, 97_000m, StartNs);
        var calm = new List<double>();
        var stormy = new List<double>();
        var all = new List<(double Return, bool Clean)>();
        for (var second = 0; second < Hours * 3600; second++)
        {
            var (before, jumps, bursting, stormyAtStart) = (generator.Price, generator.Jumps, generator.InTrendBurst, generator.Stormy);
            for (var i = 0; i < MarketGenerator.StepsPerSecond; i++)
            {
                generator.Step();
            }

            var r = Math.Log((double)(generator.Price / before));
            var clean = generator.Jumps == jumps && !bursting && !generator.InTrendBurst;
            all.Add((r, clean));
            if (clean)
            {
                (stormyAtStart ? stormy : calm).Add(r); // a switch happens on the second's last step: nine of ten steps ran in this regime
            }
        }

        // The regimes' volatilities are 45 % and 130 % a year, so the stormy seconds' RMS return is 130 / 45 ≈ 2.89 times the
        // calm ones' (cent rounding adds about 0.003 % noise per step, tiny next to a calm second's 0.008 %).
        var ratio = Rms(stormy) / Rms(calm);
        Assert.InRange(ratio, 2.5, 3.3);
        var calmAnnual = Rms(calm) * Math.Sqrt(365.25 * 24 * 3600);
        Assert.InRange(calmAnnual, 0.40, 0.50);

        // Clustering: squared returns are autocorrelated across neighbouring seconds (regimes last minutes). For a two-state mixture
        // with share p = 0.23 and variances 1 and 8.35 (2.89²), lag-1 autocorrelation of r² ≈ p(1−p)(8.35−1)² / Var(r²)
        // = 0.177 × 54 / (E r⁴ − (E r²)²) = 9.6 / (3(0.77 + 0.23 × 69.7) − 2.69²) = 9.6 / 43.1 ≈ 0.22; iid returns would give
        // 0 ± 1/√21,600 ≈ ±0.007. Seconds with a jump or burst are replaced by the clean mean square so they do not dominate.
        var meanSquare = all.Where(a => a.Clean).Average(a => a.Return * a.Return);
        var squares = all.Select(a => a.Clean ? a.Return * a.Return : meanSquare).ToList();
        Assert.InRange(Autocorrelation(squares, lag: 1), 0.12, 0.35);
        Assert.InRange(Autocorrelation(squares, lag: 30), 0.08, 0.35); // a 30 s lag is still well inside a 90-300 s spell
    }

    [Fact]
    public void Average_LastMinute_IsTheSimpleMeanOfItsSixtyPrints()
    {
        var (generator, _) = Run(seed: 5, steps: 120 * MarketGenerator.StepsPerSecond);
        var last = generator.LastPrintSecond;
        var prints = Enumerable.Range(0, 60).Select(i => generator.TryGetPrint(last - 59 + i, out var v) ? v : throw new InvalidOperationException()).ToList();

        var (average, count) = generator.Average(last - 59, last + 1);

        Assert.Equal((decimal.Round(prints.Sum() / 60m, 2), 60), (average, count));
        Assert.Equal(StartNs / MarketGenerator.SecondNs + 120, last); // prints at 0, 1, ..., 120 s: the start is a whole second
        Assert.Equal((null, 0), generator.Average(last + 1, last + 10)); // no print is kept for the future
    }

    private static (MarketGenerator Generator, List<decimal> Path) Run(int seed, int steps)
    {
        var generator = new MarketGenerator(seed, 97_000m, StartNs);
        var path = new List<decimal>(steps);
        for (var i = 0; i < steps; i++)
        {
            generator.Step();
            path.Add(generator.Price);
        }

        return (generator, path);
    }

    private static double Rms(List<double> values) => Math.Sqrt(values.Average(v => v * v));

    private static double Autocorrelation(List<double> x, int lag)
    {
        var mean = x.Average();
        var variance = x.Sum(v => (v - mean) * (v - mean));
        var covariance = 0.0;
        for (var i = lag; i < x.Count; i++)
        {
            covariance += (x[i] - mean) * (x[i - lag] - mean);
        }

        return covariance / variance;
    }
}
