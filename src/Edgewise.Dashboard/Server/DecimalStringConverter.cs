// Money, prices and quantities leave the dashboard as JSON strings holding the exact decimal ("100.25"), never as
// JSON numbers, which most readers (JavaScript among them) turn into binary floating point. Trailing zeros are
// dropped; the value is unchanged.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edgewise.Dashboard.Server;

public sealed class DecimalStringConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
            : reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Normalize(value).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The same value with the smallest scale that holds it (100.2500 → 100.25, 2.000 → 2).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
