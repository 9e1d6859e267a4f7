namespace Edgewise.Venues.Kalshi;

/// <summary>
/// The outcome of reading one market object: the market, or why it could not be used (a missing close time, an invalid price
/// grid...). A market that cannot be read is an expected venue-data problem, reported per market rather than thrown.
/// </summary>
public readonly record struct KalshiMarketResult(KalshiMarket? Market, string? Ticker, string? Error)
{
    public bool IsSuccess => Market is not null;

    public static KalshiMarketResult Ok(KalshiMarket market) => new(market, market.Contract.Id.Symbol, null);

    public static KalshiMarketResult Fail(string? ticker, string error) => new(null, ticker, error);
}
