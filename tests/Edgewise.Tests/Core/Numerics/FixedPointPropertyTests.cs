using Edgewise.Core.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Core.Numerics;

public class FixedPointPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    /// <summary>Any long, biased toward the edges (0, ±1, extremes) where sign and overflow bugs live.</summary>
    private static Gen<long> AnyRaw() =>
        Gen.Frequency(
            (6, ArbMap.Default.GeneratorFor<long>()),
            (3, Gen.Choose(0, int.MaxValue).SelectMany(hi => Gen.Choose(0, int.MaxValue).Select(lo => ((long)hi << 32) ^ lo))
                .SelectMany(v => Gen.Elements(v, -v))),
            (1, Gen.Elements(0L, 1L, -1L, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1)));

    [Fact]
    public void ParseOfFormat_RawOnDecimalsGrid_RoundTripsRawAndDecimals()
    {
        // raw rounded toward zero to a multiple of 10^(9-d), so that it has at most d decimals.
        var cases = AnyRaw().SelectMany(raw => Gen.Choose(0, FixedPoint.Scale).Select(d =>
        {
            var unit = FixedPoint.PowerOfTen(FixedPoint.Scale - d);
            return (Raw: raw - raw % unit, Decimals: d);
        }));

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var text = FixedPoint.Format(c.Raw, c.Decimals);
            return FixedPoint.TryParse(text.AsSpan(), out var raw, out var decimals)
                && raw == c.Raw
                && decimals == c.Decimals;
        }));
    }

    [Fact]
    public void FormatMinimal_AnyRaw_ParsesBackToSameRaw()
    {
        Check.One(Runs, Prop.ForAll(AnyRaw().ToArbitrary(), raw =>
            FixedPoint.TryParse(FixedPoint.FormatMinimal(raw).AsSpan(), out var back, out var decimals)
            && back == raw
            && decimals == FixedPoint.MinimalDecimals(raw)));
    }

    [Fact]
    public void ToDecimalThenFromDecimal_AnyRaw_RoundTrips()
    {
        Check.One(Runs, Prop.ForAll(AnyRaw().ToArbitrary(), raw => FixedPoint.FromDecimal(FixedPoint.ToDecimal(raw)) == raw));
    }

    [Fact]
    public void ToDecimal_AnyRaw_AgreesWithDecimalParseOfFormattedText()
    {
        // An independent path: the BCL decimal parser reading the 9-decimal text.
        Check.One(Runs, Prop.ForAll(AnyRaw().ToArbitrary(), raw =>
            FixedPoint.ToDecimal(raw) == decimal.Parse(FixedPoint.Format(raw, FixedPoint.Scale), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
