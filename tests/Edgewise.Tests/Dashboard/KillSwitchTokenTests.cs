using Edgewise.Dashboard.Server;

namespace Edgewise.Tests.Dashboard;

public class KillSwitchTokenTests
{
    [Fact]
    public void Generate_TwoTokens_Are32LowercaseHexDigitsAndDiffer()
    {
        var a = KillSwitchToken.Generate().Value;
        var b = KillSwitchToken.Generate().Value;

        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]     // one character short
    [InlineData("0123456789abcdef0123456789abcdef0", false)]   // one character long
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]    // case matters
    [InlineData("0123456789abcdef0123456789abcdee", false)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    public void Matches_PresentedValue_OnlyTheExactTokenMatches(string? presented, bool expected)
    {
        var token = new KillSwitchToken("0123456789abcdef0123456789abcdef");

        Assert.Equal(expected, token.Matches(presented));
    }

    [Fact]
    public void Constructor_ShortToken_Refused()
    {
        Assert.Throws<ArgumentException>(() => new KillSwitchToken("too-short"));
    }

    [Fact]
    public void ToString_Token_DoesNotShowTheSecret()
    {
        var token = KillSwitchToken.Generate();

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
    }
}
