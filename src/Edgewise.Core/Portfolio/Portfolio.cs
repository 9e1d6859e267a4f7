// Positions per instrument plus the cash ledger, changed together so they always reconcile:
//   cash + Σ cost basis = net deposits + Σ realized P&L − Σ fees + Σ funding
// (each fill moves cash by −signed qty × price × multiplier − fee, and the position's cost basis and
// realized P&L by amounts that sum to the same). ReconciliationDifference checks it; the engine checks it
// after every fill and settlement, because a difference means a bug, not bad input.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Portfolio;

public sealed class Portfolio
{
    private readonly Dictionary<InstrumentId, Position> _positions = [];

    public Ledger Ledger { get; } = new();

    /// <summary>Every position ever opened, flat ones included.</summary>
    public IReadOnlyCollection<Position> Positions => _positions.Values;

    public bool TryGetPosition(InstrumentId instrument, out Position position) =>
        _positions.TryGetValue(instrument, out position!);

    /// <summary>Signed net quantity; zero when there is no position.</summary>
    public Quantity NetQuantity(InstrumentId instrument) =>
        _positions.TryGetValue(instrument, out var position) ? position.NetQuantity : Quantity.Zero;

    public decimal RealizedPnl => Sum(static p => p.RealizedPnl);

    public decimal FeesPaid => Sum(static p => p.FeesPaid);

    public decimal Funding => Sum(static p => p.Funding);

    public void Deposit(decimal amount, long ts, string? reference = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Ledger.Post(LedgerEntryKind.Deposit, null, amount, ts, reference);
    }

    public void Withdraw(decimal amount, long ts, string? reference = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Ledger.Post(LedgerEntryKind.Withdrawal, null, -amount, ts, reference);
    }

    /// <summary>
    /// Applies a fill of an order on <paramref name="side"/>: position, trade cash and fee. <paramref name="reference"/>
    /// (the client order id) is recorded on the ledger entries; the fill's trade id when null.
    /// </summary>
    public PositionUpdate ApplyFill(Instrument instrument, OrderSide side, in Fill fill, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var position = GetOrCreate(instrument);
        var update = position.ApplyFill(side, fill);
        var signedRaw = side == OrderSide.Buy ? fill.Quantity.Raw : -fill.Quantity.Raw;
        var tradeCash = -FixedPoint.Multiply(signedRaw, fill.Price.Raw) * position.Multiplier;
        Ledger.Post(LedgerEntryKind.TradeCash, instrument.Id, tradeCash, fill.TsEvent, reference ?? fill.TradeId);
        if (fill.Fee != 0m)
        {
            Ledger.Post(LedgerEntryKind.Fee, instrument.Id, -fill.Fee, fill.TsEvent, reference ?? fill.TradeId);
        }

        return update;
    }

    /// <summary>Settles the whole position at <paramref name="price"/> (a binary contract's 0 or 1): payout to cash, position flat.</summary>
    public PositionUpdate Settle(Instrument instrument, Price price, long ts)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var position = GetOrCreate(instrument);
        var payout = FixedPoint.Multiply(position.NetQuantity.Raw, price.Raw) * position.Multiplier;
        var update = position.Settle(price, ts);
        if (!update.PreviousQuantity.IsZero)
        {
            Ledger.Post(LedgerEntryKind.SettlementPayout, instrument.Id, payout, ts, null);
        }

        return update;
    }

    /// <summary>Books a funding payment on a perpetual: <paramref name="amount"/> received (positive) or paid (negative).</summary>
    public void ApplyFunding(Instrument instrument, decimal amount, long ts)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        GetOrCreate(instrument).AddFunding(amount, ts);
        Ledger.Post(LedgerEntryKind.Funding, instrument.Id, amount, ts, null);
    }

    /// <summary>Sum of open positions' unrealized P&amp;L at the given marks; positions without a mark count at cost (zero).</summary>
    public decimal UnrealizedPnl(Func<InstrumentId, Price?> markOf)
    {
        ArgumentNullException.ThrowIfNull(markOf);
        var total = 0m;
        foreach (var position in _positions.Values)
        {
            if (!position.IsFlat && markOf(position.Instrument) is { } mark)
            {
                total += position.UnrealizedPnl(mark);
            }
        }

        return total;
    }

    /// <summary>
    /// (cash + Σ cost basis) − (net deposits + Σ realized − Σ fees + Σ funding): zero when cash and positions
    /// reconcile. Costs one pass over the positions, so the engine checks it after every fill.
    /// </summary>
    public decimal ReconciliationDifference()
    {
        var cost = Sum(static p => p.CostBasis);
        var held = Ledger.Cash + cost;
        var earned = Ledger.NetDeposits + RealizedPnl - FeesPaid + Funding;
        return held - earned;
    }

    /// <summary>True when <see cref="ReconciliationDifference"/> is zero and the ledger's entries sum to its balance.</summary>
    public bool IsReconciled() => ReconciliationDifference() == 0m && Ledger.SumOfEntries() == Ledger.Cash;

    /// <summary>Throws when cash and positions do not reconcile (a broken invariant, never bad input).</summary>
    public void EnsureReconciled()
    {
        if (!IsReconciled())
        {
            throw new InvalidOperationException(
                $"Portfolio does not reconcile: cash {Ledger.Cash}, entries sum {Ledger.SumOfEntries()}, difference {ReconciliationDifference()}.");
        }
    }

    private Position GetOrCreate(Instrument instrument)
    {
        if (!_positions.TryGetValue(instrument.Id, out var position))
        {
            position = new Position(instrument);
            _positions.Add(instrument.Id, position);
        }

        return position;
    }

    private decimal Sum(Func<Position, decimal> selector)
    {
        var total = 0m;
        foreach (var position in _positions.Values)
        {
            total += selector(position);
        }

        return total;
    }
}
