using System.Security.Cryptography;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Simulators;
using Edgewise.TestKit;
using Edgewise.Tests.Venues.Kalshi.Live;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi.Orders;

/// <summary>Kalshi's report of positions and resting orders as restart recovery reads it, from scripted portfolio answers.</summary>
public sealed class KalshiVenueStateReportTests : IAsyncDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly HttpClient _http = new();
    private SimKalshiServer? _server;
    private RSA? _key;

    [Fact]
    public async Task FetchAsync_PagedPositionsAndRestingOrders_MapsYesPositiveAndNoNegativeOntoTheEngineInstruments()
    {
        var report = await StartAsync();
        _server!.RespondOnce("/portfolio/positions", SimRestResponse.Json("""
            {"market_positions":[{"ticker":"KXA","position_fp":"83.00"},{"ticker":"KXB","position_fp":"0.00"}],"event_positions":[],"cursor":"p2"}
            """));
        _server.RespondOnce("/portfolio/positions", SimRestResponse.Json("""
            {"market_positions":[{"ticker":"KXC","position":-5}],"event_positions":[],"cursor":""}
            """));
        _server.RespondOnce("/portfolio/orders", SimRestResponse.Json("""
            {"orders":[
              {"order_id":"o1","client_order_id":"s-r1-1","ticker":"KXA","side":"yes","action":"buy","status":"resting","fill_count_fp":"2.00","remaining_count_fp":"8.00","yes_price_dollars":"0.1200"},
              {"order_id":"o2","ticker":"KXC","side":"no","action":"sell","status":"resting","fill_count":0,"remaining_count":3,"no_price":47}
            ],"cursor":""}
            """));

        var state = await report.FetchAsync(TestContext.Current.CancellationToken);

        // KXB is flat (listed for its resting orders only): not a position. KXC −5 is 5 NO contracts.
        Assert.Equal([new VenuePosition(Id("KXA"), Quantity.Parse("83")), new VenuePosition(Id("KXC:no"), Quantity.Parse("5"))], state.Positions);
        Assert.Equal(
            [
                new VenueOpenOrder("s-r1-1", "o1", Id("KXA"), OrderSide.Buy, Price.Parse("0.12"), Quantity.Parse("10"), Quantity.Parse("2")),
                new VenueOpenOrder(null, "o2", Id("KXC:no"), OrderSide.Sell, Price.Parse("0.47"), Quantity.Parse("3"), Quantity.Zero),
            ],
            state.OpenOrders);
        Assert.Null(state.Cash); // the account's balance is not a run's ledger cash
        Assert.Equal("?cursor=p2", _server.Requests.Last(r => r.Path == "/trade-api/v2/portfolio/positions").Query);
    }

    [Theory]
    [InlineData("""{"market_positions":[{"ticker":"KXA"}],"cursor":""}""", "market position KXA: neither 'position_fp' nor 'position'")]
    [InlineData("""{"market_positions":[{"ticker":"KXA","position_fp":"lots"}],"cursor":""}""", "KXA: 'position_fp' is 'lots', not a number")]
    [InlineData("""{"positions":[]}""", "the answer has no 'market_positions' array")]
    public async Task FetchAsync_UnreadablePositions_UnavailableNamingWhy(string body, string why)
    {
        var report = await StartAsync();
        _server!.RespondOnce("/portfolio/positions", SimRestResponse.Json(body));

        var error = await Assert.ThrowsAsync<VenueStateUnavailableException>(() => report.FetchAsync(TestContext.Current.CancellationToken));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _key?.Dispose();
    }

    private static InstrumentId Id(string symbol) => new("kalshi", symbol);

    private async Task<KalshiVenueStateReport> StartAsync()
    {
        _server = await SimKalshiServer.StartAsync(KalshiLiveHarness.ClientKey, KalshiLiveHarness.KeyId, _clock);
        _key = RSA.Create();
        _key.ImportParameters(KalshiLiveHarness.ClientKey.ExportParameters(includePrivateParameters: true));
        var rest = new KalshiRestClient(_http, _server.RestBaseUri, _clock, new KalshiAuth(KalshiLiveHarness.KeyId, _key, _clock), TimeSpan.FromSeconds(5));
        return new KalshiVenueStateReport(rest, _clock, static (ticker, side) => new InstrumentId("kalshi", side == OutcomeSide.Yes ? ticker : ticker + ":no"));
    }
}
