using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.Indicators;

/// <summary>One constituent's part in an index evaluation.</summary>
/// <param name="Instrument">The venue's BTC instrument.</param>
/// <param name="Mid">(best bid + best ask) / 2, when the book has both sides.</param>
/// <param name="Weight">Normalised weight in the weighted mid (0 when excluded).</param>
/// <param name="Exclusion">Why the venue is out; None when included.</param>
/// <param name="Deviation">|mid − median of the others' mids| / that median, when the deviation rule was evaluated.</param>
/// <param name="RecentVolume">Traded volume in the volume window (base units).</param>
public sealed record VenueContribution(
    InstrumentId Instrument,
    decimal? Mid,
    decimal Weight,
    VenueExclusion Exclusion,
    decimal? Deviation,
    decimal RecentVolume)
{
    public string Venue => Instrument.Venue;

    public bool Included => Exclusion == VenueExclusion.None;
}
