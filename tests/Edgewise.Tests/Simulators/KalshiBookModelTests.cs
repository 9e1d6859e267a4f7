using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Simulators;
using Edgewise.Simulators.Market;
using Edgewise.TestKit;

namespace Edgewise.Tests.Simulators;

/// <summary>The simulated Kalshi makers: their fair value, and the book they keep on the tapered grid.</summary>
public sealed class KalshiBookModelTests
{
    private static readonly double Sigma60 = 0.60 / Math.Sqrt(365.25 * 24 * 3600); // 1.0681e-4 per √s

    [Fact]
    public void Probability_TenMinutesOut_NormalOfTheGapOverTheWalksSpread()
    {
        // τ = 600 s: sd = σ·S·√(600 − 60 + 20) = 1.0681e-4 × 100,000 × √560 = 10.681 × 23.664 = 252.76;
        // strike 150 above: z = −150 / 252.76 = −0.5934, Φ(−0.5934) = 0.2765.
        Assert.Equal(0.2765, KalshiFairValue.Probability(100_000m, 100_150m, 600, Sigma60, 0m, 0), 3);
        Assert.Equal(0.5, KalshiFairValue.Probability(100_000m, 100_000m, 600, Sigma60, 0m, 0), 6);
        Assert.Equal(0.975, KalshiFairValue.NormalCdf(1.959964), 4);
    }

    [Fact]
    public void Probability_InsideTheLastMinute_KnownPrintsWeighIn()
    {
        // 30 s left, 30 prints known at 100,300 and the index now at 100,000: mean = (30 × 100,300 + 30 × 100,000) / 60 = 100,150;
        // sd = σ·S·(30/60)·√(30/3) = 10.681 × 0.5 × 3.1623 = 16.888; strike 100,100: z = 50 / 16.888 = 2.961, Φ = 0.99847.
        Assert.Equal(0.99847, KalshiFairValue.Probability(100_000m, 100_100m, 30, Sigma60, 30 * 100_300m, 30), 4);
        // At the close every print is known: the average decides, with no uncertainty left.
        Assert.Equal(1.0, KalshiFairValue.Probability(90_000m, 100_100m, 0, Sigma60, 60 * 100_100m, 60));
    }

    [Fact]
    public void Update_FollowsTheFairValueOnTheTaperedGrid_DeltasRebuildTheBook()
    {
        var market = SimKalshiMarket.Btc15m(ManualTimeProvider.DefaultStart + TimeSpan.FromMinutes(15), 97_000m);
        var window = new KalshiWindow(market, lagSeconds: 10, new Random(1));
        var deltas = new List<(bool Yes, decimal Price, decimal Delta)>();
        var yes = new SortedDictionary<decimal, decimal>();
        var no = new SortedDictionary<decimal, decimal>();
        foreach (var fair in new[] { 0.5, 0.52, 0.61, 0.80, 0.95, 0.97, 0.40, 0.05, 0.5 })
        {
            for (var i = 0; i < 30; i++) // the makers' noise wanders around the overreacted fair value
            {
                window.Update(fair, 0, 0.01, deltas);
            }

            foreach (var (isYes, price, delta) in deltas)
            {
                var side = isYes ? yes : no;
                var size = side.GetValueOrDefault(price) + delta;
                Assert.True(size >= 0, $"a delta took {price} below zero");
                if (size == 0)
                {
                    side.Remove(price);
                }
                else
                {
                    side[price] = size;
                }
            }

            deltas.Clear();
            Assert.Equal(window.Yes, yes);
            Assert.Equal(window.No, no);
            var (bid, ask) = window.Touch;
            Assert.True(bid < ask, $"fair {fair}: crossed {bid} / {ask}");
            Assert.All(yes.Keys.Concat(no.Keys), p => Assert.True(TickGrid.TaperedDeciCent.IsOnTick(Price.FromDecimal(p)) && p > 0 && p < 1));
            Assert.All(yes.Values.Concat(no.Values), s => Assert.True(s >= 50, $"a level of {s} contracts"));
            // logit × 1.3 plus noise of sd ≈ 0.08 in logit: the mid is within about 0.07 of the overreacted fair value.
            var overreacted = 1 / (1 + Math.Exp(-1.3 * Math.Log(fair / (1 - fair))));
            Assert.InRange((double)((bid + ask) / 2), overreacted - 0.07, overreacted + 0.07);
            Assert.True(ask - bid <= (fair is > 0.1 and < 0.9 ? 0.04m : 0.022m), $"fair {fair}: spread {ask - bid}");
        }
    }
}
