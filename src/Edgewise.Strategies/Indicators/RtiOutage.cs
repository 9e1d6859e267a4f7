namespace Edgewise.Strategies.Indicators;

/// <summary>Why the RTI approximation has no value.</summary>
public enum RtiOutage : byte
{
    None = 0,

    /// <summary>No included venue gave a two-sided book.</summary>
    NoLevels = 1,

    /// <summary>Already at zero volume the consolidated mid spread exceeds the deviation parameter: no utilized depth.</summary>
    SpreadTooWide = 2,

    /// <summary>Not computed because too few venues were included (the index as a whole is a DATA_OUTAGE).</summary>
    TooFewVenues = 3,
}
