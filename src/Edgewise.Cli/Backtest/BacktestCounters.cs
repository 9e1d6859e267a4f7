namespace Edgewise.Cli.Backtest;

/// <summary>Counts from the engine and the simulated venue, and the portfolio's own totals, to check the trades against.</summary>
internal sealed record BacktestCounters(
    long IndexTicks,
    long QuoteRows,
    long OrdersSent,
    long OrdersDenied,
    long OrdersRejected,
    long Fills,
    decimal PortfolioRealizedPnl,
    decimal PortfolioFees,
    decimal PortfolioCash);
