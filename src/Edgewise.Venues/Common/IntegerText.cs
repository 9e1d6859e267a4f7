using System.Buffers.Text;
using System.Text.Json;

namespace Edgewise.Venues.Common;

/// <summary>Reads a whole number that a venue sends either as a JSON number or as a string of digits ("1641343691406478").</summary>
public static class IntegerText
{
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out value);
        }

        value = 0;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        return text.Length > 0 && text[0] != (byte)'+' && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }
}
