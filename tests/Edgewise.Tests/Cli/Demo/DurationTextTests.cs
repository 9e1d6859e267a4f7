using Edgewise.Cli.Commands;

namespace Edgewise.Tests.Cli.Demo;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("60s", 60_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]      // 3600 + 1800 s
    [InlineData("500ms", 500)]
    [InlineData("1.5m", 90_000)]
    [InlineData("2d", 172_800_000)]       // 2 × 86400 s
    [InlineData("00:01:00", 60_000)]
    [InlineData(" 45s ", 45_000)]
    public void TryParse_Accepted_GivesTheSpan(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("60")]          // a bare number is refused, not read as days or seconds
    [InlineData("6x")]
    [InlineData("s")]
    [InlineData("1h 30m")]
    [InlineData("-5s")]
    [InlineData("1..5s")]
    [InlineData("99999999999999d")]
    [InlineData(null)]
    public void TryParse_Refused_ReturnsFalse(string? text) => Assert.False(DurationText.TryParse(text, out _));
}
