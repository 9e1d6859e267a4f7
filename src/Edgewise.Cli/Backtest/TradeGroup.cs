namespace Edgewise.Cli.Backtest;

/// <summary>Totals over a set of closed trades. A win is a trade with positive P&amp;L after fees.</summary>
internal sealed record TradeGroup(int Trades, int Wins, decimal Pnl, decimal Fees)
{
    public int Losses => Trades - Wins;

    /// <summary>Wins / trades; null without trades.</summary>
    public decimal? WinRate => Trades == 0 ? null : decimal.Round((decimal)Wins / Trades, 6, MidpointRounding.ToEven);

    public static TradeGroup Empty { get; } = new(0, 0, 0m, 0m);

    public TradeGroup Plus(TradeGroup other) => new(Trades + other.Trades, Wins + other.Wins, Pnl + other.Pnl, Fees + other.Fees);
}
