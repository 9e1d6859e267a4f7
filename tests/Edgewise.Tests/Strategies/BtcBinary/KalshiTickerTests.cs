using Edgewise.Strategies.BtcBinary;

namespace Edgewise.Tests.Strategies.BtcBinary;

public sealed class KalshiTickerTests
{
    [Theory]
    [InlineData("KXBTC15M-26FEB012145-45", "2026-02-02T02:45:00Z")] // 21:45 EST (UTC−5) on Feb 1
    [InlineData("KXBTC15M-26FEB020300-00", "2026-02-02T08:00:00Z")] // the market with a recorded settlement
    [InlineData("KXBTC15M-26SEP261900-00", "2026-09-26T23:00:00Z")] // 19:00 EDT (UTC−4)
    [InlineData("KXBTC15M-26MAR081930-30", "2026-03-08T23:30:00Z")] // the spring-forward day, after 02:00: EDT
    [InlineData("KXBTC15M-26NOV010130-30", "2026-11-01T05:30:00Z")] // 01:30 happens twice: the first, EDT
    [InlineData("KXBTC15M-26NOV010200-00", "2026-11-01T07:00:00Z")] // 02:00 after falling back: EST
    [InlineData("KXBTC15M-25DEC311900-00", "2026-01-01T00:00:00Z")] // New Year's Eve 19:00 EST
    public void TryParseCloseTime_Ticker_GivesTheUtcClose(string ticker, string expected)
    {
        Assert.True(KalshiTicker.TryParseCloseTime(ticker, out var close, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), close);
        Assert.Equal(TimeSpan.Zero, close.Offset);
    }

    [Theory]
    [InlineData("KXBTC15M-26FEB012145", "is not <series>-<yyMMMddHHmm>-<mm>")]
    [InlineData("KXBTC15M-26FOO012145-45", "is not a yyMMMddHHmm time")]
    [InlineData("KXBTC15M-26FEB012145-30", "does not repeat the minute 45")]
    [InlineData("KXBTC15M-26FEB302145-45", "is not a valid date and time")]
    [InlineData("KXBTC15M-26MAR080230-30", "does not exist in US Eastern time")]
    public void TryParseCloseTime_BadTicker_SaysWhy(string ticker, string reason)
    {
        Assert.False(KalshiTicker.TryParseCloseTime(ticker, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(ticker, error, StringComparison.Ordinal);
    }

    [Fact]
    public void EventAndSeries_OfATicker_AreItsLeadingParts()
    {
        Assert.Equal("KXBTC15M-26FEB012145", KalshiTicker.EventOf("KXBTC15M-26FEB012145-45"));
        Assert.Equal("KXBTC15M", KalshiTicker.SeriesOf("KXBTC15M-26FEB012145-45"));
    }
}
