namespace Edgewise.Cli.Reports;

/// <summary>
/// A breakdown row: trades under one name (a strategy, an exit reason). Wins, win rate and P&amp;L count closed trades
/// only; fees count every trade, open ones included, because they were paid.
/// </summary>
internal sealed record ReportGroup(string Name, int Trades, int Closed, int Wins, decimal Pnl, decimal Fees)
{
    public int Open => Trades - Closed;

    /// <summary>Wins / closed trades; null without closed trades.</summary>
    public decimal? WinRate => Closed == 0 ? null : (decimal)Wins / Closed;

    public static ReportGroup Of(string name, IEnumerable<ReportTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        int count = 0, closed = 0, wins = 0;
        decimal pnl = 0m, fees = 0m;
        foreach (var trade in trades)
        {
            count++;
            fees += trade.Fees;
            if (trade.NetPnl is { } net)
            {
                closed++;
                pnl += net;
                wins += net > 0m ? 1 : 0;
            }
        }

        return new ReportGroup(name, count, closed, wins, pnl, fees);
    }
}
