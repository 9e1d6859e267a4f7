using System.Globalization;
using System.Text;

namespace Edgewise.Strategies.Indicators;

/// <summary>
/// One evaluation of the BTC index proxy. When fewer than <see cref="MinIncludedVenues"/> venues are included the
/// index is a DATA_OUTAGE: both values are null and <see cref="OutageReason"/> says why; no value is ever made up.
/// </summary>
/// <param name="TsNs">Local time of the evaluation, Unix ns.</param>
/// <param name="WeightedMid">Weighted mean of the included venues' mids, rounded half-even to 9 decimals.</param>
/// <param name="Rti">The RTI approximation over the included books.</param>
/// <param name="Venues">Every registered constituent, in registration order, with its exclusion.</param>
/// <param name="WeightingUsed">The weighting actually applied (RecentVolume falls back to Equal when no included venue traded).</param>
/// <param name="IncludedVenues">Venues that passed every exclusion rule.</param>
/// <param name="MinIncludedVenues">Venues needed for a value.</param>
public sealed record IndexValue(
    long TsNs,
    decimal? WeightedMid,
    RtiResult Rti,
    IReadOnlyList<VenueContribution> Venues,
    MidWeighting WeightingUsed,
    int IncludedVenues,
    int MinIncludedVenues)
{
    public bool IsUsable => IncludedVenues >= MinIncludedVenues;

    public decimal? RtiValue => Rti.Value;

    /// <summary>The value of one series, or null.</summary>
    public decimal? ValueOf(IndexSeries series) => series switch
    {
        IndexSeries.Rti => RtiValue,
        IndexSeries.WeightedMid => WeightedMid,
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, "Unknown index series."),
    };

    /// <summary>Null when usable; otherwise "DATA_OUTAGE: …" naming every excluded venue and its reason.</summary>
    public string? OutageReason => IsUsable
        ? null
        : $"DATA_OUTAGE: {IncludedVenues} of {Venues.Count} venues included, {MinIncludedVenues} required ({Exclusions()})";

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"index@{TsNs} ");
        text.Append(IsUsable
            ? string.Create(CultureInfo.InvariantCulture, $"mid={WeightedMid} rti={(Rti.Value?.ToString(CultureInfo.InvariantCulture) ?? Rti.Outage.ToString())}")
            : OutageReason);
        foreach (var venue in Venues)
        {
            text.Append(CultureInfo.InvariantCulture, $" | {venue.Venue} mid={venue.Mid} w={venue.Weight} {(venue.Included ? "in" : venue.Exclusion.ToString())}");
        }

        return text.ToString();
    }

    private string Exclusions()
    {
        var excluded = Venues.Where(v => !v.Included).Select(v => $"{v.Venue}: {v.Exclusion}").ToList();
        return excluded.Count == 0 ? "no venue excluded" : string.Join(", ", excluded);
    }
}
