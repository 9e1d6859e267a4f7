// The strike of a binary contract: which comparison decides YES, and the strike values it uses.
// Kalshi sends strike_type with floor_strike and/or cap_strike; which of the two is required depends on the type.
// Comparisons are exact decimal comparisons: a settlement value equal to the strike is YES for
// GreaterOrEqual/LessOrEqual/Between and NO for Greater/Less.
using System.Globalization;

namespace Edgewise.Core.Instruments;

public sealed record BinaryStrike
{
    public BinaryStrike(StrikeType type, decimal? floor, decimal? cap)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown strike type.");
        }

        var needsFloor = type is StrikeType.Greater or StrikeType.GreaterOrEqual or StrikeType.Between;
        var needsCap = type is StrikeType.Less or StrikeType.LessOrEqual or StrikeType.Between;

        if (needsFloor && floor is null)
        {
            throw new ArgumentException($"Strike type {type} needs a floor strike.", nameof(floor));
        }

        if (needsCap && cap is null)
        {
            throw new ArgumentException($"Strike type {type} needs a cap strike.", nameof(cap));
        }

        if (type == StrikeType.Between && floor > cap)
        {
            throw new ArgumentException($"Floor strike {floor} is above cap strike {cap}.", nameof(floor));
        }

        Type = type;
        Floor = needsFloor ? floor : null;
        Cap = needsCap ? cap : null;
    }

    public StrikeType Type { get; }

    /// <summary>Kalshi <c>floor_strike</c>; set for Greater, GreaterOrEqual and Between.</summary>
    public decimal? Floor { get; }

    /// <summary>Kalshi <c>cap_strike</c>; set for Less, LessOrEqual and Between.</summary>
    public decimal? Cap { get; }

    /// <summary>YES at or above the strike (KXBTC15M, whose floor strike is the "price to beat").</summary>
    public static BinaryStrike AtLeast(decimal floor) => new(StrikeType.GreaterOrEqual, floor, null);

    /// <summary>Builds a strike from Kalshi's market fields; unknown or unmodelled strike types are rejected by name.</summary>
    public static BinaryStrike FromKalshi(string strikeType, decimal? floorStrike, decimal? capStrike)
    {
        ArgumentNullException.ThrowIfNull(strikeType);
        var type = strikeType switch
        {
            "greater" => StrikeType.Greater,
            "greater_or_equal" => StrikeType.GreaterOrEqual,
            "less" => StrikeType.Less,
            "less_or_equal" => StrikeType.LessOrEqual,
            "between" => StrikeType.Between,
            _ => throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Kalshi strike_type '{strikeType}' is not supported (known: greater, greater_or_equal, less, less_or_equal, between)."),
                nameof(strikeType)),
        };
        return new BinaryStrike(type, floorStrike, capStrike);
    }

    /// <summary>True when <paramref name="settlementValue"/> makes the contract settle YES.</summary>
    public bool IsMetBy(decimal settlementValue) => Type switch
    {
        StrikeType.Greater => settlementValue > Floor!.Value,
        StrikeType.GreaterOrEqual => settlementValue >= Floor!.Value,
        StrikeType.Less => settlementValue < Cap!.Value,
        StrikeType.LessOrEqual => settlementValue <= Cap!.Value,
        StrikeType.Between => settlementValue >= Floor!.Value && settlementValue <= Cap!.Value,
        _ => throw new InvalidOperationException($"Unknown strike type {Type}."),
    };
}
