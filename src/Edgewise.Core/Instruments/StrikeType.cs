namespace Edgewise.Core.Instruments;

/// <summary>
/// How a binary contract's settlement value is compared with its strike (Kalshi <c>strike_type</c>).
/// Kalshi also lists functional, custom and structured strikes, whose rules are free text; they are not modelled.
/// </summary>
public enum StrikeType : byte
{
    /// <summary>YES when value &gt; floor strike.</summary>
    Greater = 1,

    /// <summary>YES when value ≥ floor strike (KXBTC15M: "at least" the price to beat).</summary>
    GreaterOrEqual = 2,

    /// <summary>YES when value &lt; cap strike.</summary>
    Less = 3,

    /// <summary>YES when value ≤ cap strike.</summary>
    LessOrEqual = 4,

    /// <summary>YES when floor strike ≤ value ≤ cap strike (both ends inclusive).</summary>
    Between = 5,
}
