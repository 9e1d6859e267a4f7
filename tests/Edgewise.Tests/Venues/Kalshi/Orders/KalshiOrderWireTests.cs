using System.Text;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Orders;

/// <summary>The order body Kalshi is sent, and the order and fill objects read back, against hand-written JSON (FACTS §5.4, §5.6).</summary>
public sealed class KalshiOrderWireTests
{
    [Fact]
    public void ToJson_SellNoFractionalGtc_NoPriceDollarsCountFpAndTimeInForceStated()
    {
        var order = new KalshiOrderRequest("KXBTC15M-26JAN010015-15", OutcomeSide.No, OrderSide.Sell, Quantity.Parse("2.5"), Price.Parse("0.055"),
            TimeInForce.Gtc, "btc-binary-7");

        Assert.Equal(
            """{"ticker":"KXBTC15M-26JAN010015-15","client_order_id":"btc-binary-7","side":"no","action":"sell","type":"limit","count_fp":"2.50","no_price_dollars":"0.0550","time_in_force":"good_till_canceled"}""",
            Encoding.UTF8.GetString(order.ToJson()));
    }

    [Fact]
    public void ToJson_SixDecimalPriceAndFok_KeepsEveryDecimal()
    {
        var order = new KalshiOrderRequest("T", OutcomeSide.Yes, OrderSide.Buy, Quantity.Parse("1"), Price.Parse("0.123456"), TimeInForce.Fok, "a+b=c/d:e_f-g");

        Assert.Equal(
            """{"ticker":"T","client_order_id":"a+b=c/d:e_f-g","side":"yes","action":"buy","type":"limit","count":1,"yes_price_dollars":"0.123456","time_in_force":"fill_or_kill"}""",
            Encoding.UTF8.GetString(order.ToJson()));
    }

    [Theory]
    [InlineData("0", "1", "id", "price")]
    [InlineData("1", "1", "id", "price")]
    [InlineData("0.1234567", "1", "id", "price")]
    [InlineData("0.5", "0.001", "id", "count")]
    [InlineData("0.5", "1", "has space", "clientOrderId")]
    public void Constructor_FieldKalshiWouldRefuse_ThrowsNamingIt(string price, string count, string clientOrderId, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new KalshiOrderRequest("T", OutcomeSide.Yes, OrderSide.Buy, Quantity.Parse(count), Price.Parse(price), TimeInForce.Ioc, clientOrderId));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void ReadOrderResponse_FixedPointFields_ReadExactly()
    {
        var body = """
            {"order":{"order_id":"o-1","client_order_id":"c-1","ticker":"T","side":"no","action":"buy","type":"limit","status":"canceled",
            "no_price_dollars":"0.6000","fill_count_fp":"13.00","remaining_count_fp":"0.00"}}
            """u8.ToArray();

        var order = KalshiPortfolioReader.ReadOrderResponse(body, out var error);

        Assert.Null(error);
        Assert.Equal(new KalshiOrder("o-1", "c-1", "T", OutcomeSide.No, OrderSide.Buy, KalshiOrderStatus.Canceled, "canceled", Quantity.Parse("13"),
            Quantity.Zero), order);
        Assert.True(order!.IsDone);
    }

    [Fact]
    public void ReadOrderResponse_LegacyIntegerCountsAndUnknownStatus_ReadAndKeptUnknown()
    {
        var body = """{"order":{"order_id":"o-2","ticker":"T","side":"yes","action":"sell","status":"amended","fill_count":4,"remaining_count":6}}"""u8.ToArray();

        var order = KalshiPortfolioReader.ReadOrderResponse(body, out _);

        Assert.Equal((KalshiOrderStatus.Unknown, "amended", Quantity.Parse("4"), (Quantity?)Quantity.Parse("6"), false),
            (order!.Status, order.StatusText, order.FillCount, order.RemainingCount, order.IsDone));
    }

    [Fact]
    public void ReadOrderResponse_NoOrderId_ErrorNamesIt()
    {
        Assert.Null(KalshiPortfolioReader.ReadOrderResponse("""{"order":{"ticker":"T"}}"""u8.ToArray(), out var error));
        Assert.Equal("an order has no 'order_id'", error);
    }

    [Fact]
    public void ReadFills_RestShape_FillsWithYesPriceTimeAndFee()
    {
        var body = """
            {"fills":[
              {"trade_id":"t-2","order_id":"o-1","ticker":"T","side":"no","action":"buy","count_fp":"3.00","no_price_dollars":"0.5800",
               "is_taker":true,"created_time":"2026-01-01T00:00:01.5Z","fee_cost":"0.221676"},
              {"trade_id":"t-1","order_id":"o-1","market_ticker":"T","side":"yes","action":"sell","count":2,"yes_price":42,"is_taker":false,"ts":1767225600}
            ],"cursor":""}
            """u8.ToArray();

        var fills = KalshiPortfolioReader.ReadFills(body, "kalshi", 99, out var error);

        Assert.Null(error);
        Assert.Equal(2, fills!.Count);
        // NO at 0.58 is YES at 1 − 0.58 = 0.42; 00:00:01.5 is 1767225601.5 s after the epoch.
        Assert.Equal(("t-2", Price.Parse("0.42"), Price.Parse("0.58"), Quantity.Parse("3"), true, (decimal?)0.221676m, 1_767_225_601_500_000_000L),
            (fills[0].TradeId, fills[0].YesPrice, fills[0].SidePrice, fills[0].Count, fills[0].IsTaker, fills[0].FeeCost, fills[0].TsEvent));
        // Legacy integer forms: 42 cents, 2 contracts, Unix seconds.
        Assert.Equal((new InstrumentId("kalshi", "T"), Price.Parse("0.42"), Quantity.Parse("2"), false, (decimal?)null, 1_767_225_600_000_000_000L, 99L),
            (fills[1].Instrument, fills[1].YesPrice, fills[1].Count, fills[1].IsTaker, fills[1].FeeCost, fills[1].TsEvent, fills[1].TsRecv));
    }

    [Fact]
    public void ReadFills_PriceOutsideTheUnitInterval_ErrorNotAFill()
    {
        var body = """{"fills":[{"trade_id":"t","order_id":"o","ticker":"T","side":"yes","action":"buy","count_fp":"1.00","yes_price_dollars":"1.0000","ts":1}]}"""u8.ToArray();

        Assert.Null(KalshiPortfolioReader.ReadFills(body, "kalshi", 0, out var error));
        Assert.Equal("fill t: yes price 1 is not strictly between 0 and 1", error);
    }
}
