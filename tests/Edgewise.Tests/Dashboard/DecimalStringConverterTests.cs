using System.Text.Json;
using Edgewise.Dashboard.Server;

namespace Edgewise.Tests.Dashboard;

public class DecimalStringConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new DecimalStringConverter() } };

    [Theory]
    [InlineData("100.2500", "100.25")]
    [InlineData("2.000", "2")]
    [InlineData("-0.701", "-0.701")]
    [InlineData("0.000000001", "0.000000001")]
    [InlineData("0.000", "0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("0.333333333333333333", "0.333333333333333333")]
    public void Write_Decimal_ExactStringWithoutTrailingZeros(string value, string expected)
    {
        var json = JsonSerializer.Serialize(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Options);

        Assert.Equal($"\"{expected}\"", json);
    }

    [Fact]
    public void Read_StringOrNumber_SameDecimal()
    {
        Assert.Equal(10_000.948m, JsonSerializer.Deserialize<decimal>("\"10000.948\"", Options));
        Assert.Equal(10_000.948m, JsonSerializer.Deserialize<decimal>("10000.948", Options));
    }
}
