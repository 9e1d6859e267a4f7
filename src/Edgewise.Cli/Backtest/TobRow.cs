using Edgewise.Core.Numerics;

namespace Edgewise.Cli.Backtest;

/// <summary>
/// One line of the collector's top-of-book file: the current KXBTC15M market's best YES bid and ask (dollars; $0 bid
/// and $1 ask are Kalshi's empty-side sentinels) and the authors' BTC proxy at one moment.
/// </summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="TsNs">The line's "t", naive UTC, as Unix ns.</param>
/// <param name="Ticker">The market quoted.</param>
/// <param name="YesBid">Best YES bid, dollars ($0 = none).</param>
/// <param name="YesAsk">Best YES ask, dollars ($1 = none).</param>
/// <param name="Brti">The BTC proxy (average of Coinbase, Kraken and Bitstamp BTC-USD), USD.</param>
/// <param name="Volume">The market's cumulative volume in contracts, as recorded.</param>
internal sealed record TobRow(int Line, long TsNs, string Ticker, Price Brti, Price YesBid, Price YesAsk, long Volume)
{
    /// <summary>A YES bid of $0 means nobody bids.</summary>
    public bool HasBid => YesBid.IsPositive;

    /// <summary>A YES ask of $1 means nobody offers.</summary>
    public bool HasAsk => YesAsk.Raw < Price.FromDecimal(1m).Raw;
}
