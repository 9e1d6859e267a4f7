namespace Edgewise.Strategies.Indicators;

/// <summary>Which of the proxy's two values a consumer reads.</summary>
public enum IndexSeries : byte
{
    /// <summary>The book-based CF RTI approximation.</summary>
    Rti = 0,

    /// <summary>The weighted mid of the venues' mids.</summary>
    WeightedMid = 1,
}
