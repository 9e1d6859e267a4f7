using System.Text.Json;
using Edgewise.Core.Numerics;

namespace Edgewise.Venues.Common;

/// <summary>Reads a JSON string or number token's exact text as a fixed-point value (never through double).</summary>
public static class DecimalText
{
    /// <summary>True when the current token is a string or number whose text is a valid decimal at the global scale.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out long raw, out int decimals)
    {
        if ((reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number) || reader.ValueIsEscaped)
        {
            raw = 0;
            decimals = 0;
            return false;
        }

        return FixedPoint.TryParse(reader.ValueSpan, out raw, out decimals);
    }
}
