using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

/// <summary>The index print of one whole second; a null value is a second with no value (an outage), not a zero.</summary>
/// <param name="Second">Unix seconds: the print was taken during [Second, Second + 1).</param>
/// <param name="Rti">The RTI approximation, rounded to 9 decimals; null when there was none.</param>
/// <param name="WeightedMid">The weighted mid; null when there was none.</param>
public readonly record struct IndexPrint(long Second, Price? Rti, Price? WeightedMid)
{
    public Price? ValueOf(IndexSeries series) => series switch
    {
        IndexSeries.Rti => Rti,
        IndexSeries.WeightedMid => WeightedMid,
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, "Unknown index series."),
    };
}
