using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi;

public sealed class KalshiCommandsTests
{
    [Theory]
    [InlineData(KalshiBookPricing.NoLevelsAtNoPrice, "false")]
    [InlineData(KalshiBookPricing.NoLevelsAtYesPrice, "true")]
    public void Subscribe_OrderbookAndTicker_StatesUseYesPriceExplicitly(KalshiBookPricing pricing, string flag)
    {
        var text = KalshiCommands.Subscribe(1, ["orderbook_delta", "ticker"], ["KXBTC15M-26SEP261900-00", "KXBTCD-26SEP2617-T115749.99"], pricing);

        Assert.Equal(
            "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\"],"
            + "\"market_tickers\":[\"KXBTC15M-26SEP261900-00\",\"KXBTCD-26SEP2617-T115749.99\"],\"use_yes_price\":" + flag + "}}",
            text);
    }

    [Fact]
    public void Subscribe_PricingNotStated_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KalshiCommands.Subscribe(1, ["orderbook_delta"], ["A"], default));
    }

    [Fact]
    public void SubscribeIndices_Brti_IndexIdsNotMarkets()
    {
        Assert.Equal(
            """{"id":4,"cmd":"subscribe","params":{"channels":["cfbenchmarks_value"],"index_ids":["BRTI"]}}""",
            KalshiCommands.SubscribeIndices(4, [KalshiCommands.CfBenchmarksValueChannel], ["BRTI"]));
    }

    [Fact]
    public void GetSnapshot_Sid_UpdateSubscriptionAction()
    {
        Assert.Equal("""{"id":7,"cmd":"update_subscription","params":{"sid":3,"action":"get_snapshot"}}""", KalshiCommands.GetSnapshot(7, 3));
    }

    [Fact]
    public void Unsubscribe_TwoSids_ListsThem()
    {
        Assert.Equal("""{"id":8,"cmd":"unsubscribe","params":{"sids":[3,4]}}""", KalshiCommands.Unsubscribe(8, [3, 4]));
    }

    [Theory]
    [InlineData(KalshiSubscriptionUpdate.AddMarkets, "add_markets")]
    [InlineData(KalshiSubscriptionUpdate.DeleteMarkets, "delete_markets")]
    public void UpdateSubscription_Markets_ActionAndTickers(KalshiSubscriptionUpdate update, string action)
    {
        Assert.Equal(
            "{\"id\":9,\"cmd\":\"update_subscription\",\"params\":{\"sid\":3,\"action\":\"" + action + "\",\"market_tickers\":[\"KXBTC15M-26SEP261915-15\"]}}",
            KalshiCommands.UpdateSubscription(9, 3, update, ["KXBTC15M-26SEP261915-15"]));
    }

    [Fact]
    public void Commands_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => KalshiCommands.Subscribe(1, [], ["A"], KalshiBookPricing.NoLevelsAtNoPrice));
        Assert.Throws<ArgumentException>(() => KalshiCommands.Subscribe(1, ["orderbook_delta"], [" "], KalshiBookPricing.NoLevelsAtNoPrice));
        Assert.Throws<ArgumentOutOfRangeException>(() => KalshiCommands.GetSnapshot(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => KalshiCommands.GetSnapshot(1, 0));
        Assert.Throws<ArgumentException>(() => KalshiCommands.Unsubscribe(1, []));
    }
}
