// Per-strategy P&L. The engine's portfolio is per instrument: two strategies trading one instrument share a position.
// To say what each strategy made, every strategy gets a shadow Portfolio fed with its own fills only (the same exact
// position arithmetic the engine uses), and settlements close each shadow position at the settlement price. So a
// strategy's figures are what it would show trading alone; when strategies trade against each other's positions the
// sum differs from the account, which the account total shows. Funding is not attributed. Engine loop thread only.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;

namespace Edgewise.Dashboard.Publishing;

internal sealed class StrategyPnlTracker
{
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    public IEnumerable<string> StrategyIds => _accounts.Keys;

    public void OnFill(string strategyId, Instrument instrument, OrderSide side, in Fill fill, string clientOrderId)
    {
        if (!_accounts.TryGetValue(strategyId, out var account))
        {
            account = new Account();
            _accounts.Add(strategyId, account);
        }

        account.Portfolio.ApplyFill(instrument, side, fill, clientOrderId);
        account.Fills++;
    }

    public void OnSettled(Instrument instrument, Price price, long tsNs)
    {
        foreach (var account in _accounts.Values)
        {
            if (account.Portfolio.TryGetPosition(instrument.Id, out var position) && !position.IsFlat)
            {
                account.Portfolio.Settle(instrument, price, tsNs);
            }
        }
    }

    /// <summary>Realized, fees, unrealized at the marks (positions without a mark count at cost) and fills of one strategy; zeros if it never filled.</summary>
    public (decimal Realized, decimal Fees, decimal Unrealized, long Fills) Figures(string strategyId, Func<InstrumentId, decimal?> markOf)
    {
        if (!_accounts.TryGetValue(strategyId, out var account))
        {
            return (0m, 0m, 0m, 0);
        }

        var unrealized = 0m;
        foreach (var position in account.Portfolio.Positions)
        {
            if (!position.IsFlat && markOf(position.Instrument) is { } mark)
            {
                unrealized += PositionMath.Unrealized(position, mark);
            }
        }

        return (account.Portfolio.RealizedPnl, account.Portfolio.FeesPaid, unrealized, account.Fills);
    }

    private sealed class Account
    {
        public Portfolio Portfolio { get; } = new();

        public long Fills { get; set; }
    }
}
