namespace Edgewise.Cli.Backtest;

/// <summary>A market seen in the top-of-book file, with its times from the ticker and the rows that quote it.</summary>
internal sealed record TobMarket(string Ticker, DateTimeOffset OpenTime, DateTimeOffset CloseTime, int RowCount, long FirstTsNs, long LastTsNs);
