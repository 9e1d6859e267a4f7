namespace Edgewise.Strategies.BtcBinary;

/// <summary>Whether the market data gives real sizes at each level, which the min-depth filter needs.</summary>
public enum BookDepth : byte
{
    Known = 0,

    /// <summary>Sizes are placeholders (a top-of-book file without sizes): the min-depth filter reports that and does not guess.</summary>
    Unknown = 1,
}
