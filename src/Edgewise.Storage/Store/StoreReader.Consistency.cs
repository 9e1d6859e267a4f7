// The consistency check a restart runs before trusting the store. Core's Portfolio cannot be rebuilt from rows (its
// ledger only grows through fills), so the same identity is evaluated on the stored values directly:
//   cash + Σ cost basis = net deposits + Σ realized P&L − Σ fees + Σ funding      (Portfolio.ReconciliationDifference)
// plus checks that find lost or doubled rows: ledger sequences contiguous from 0 with every balance the running sum;
// fee and funding entries equal to the positions' totals; per instrument, the fills' fees equal the position's, the
// fills' trade cash equals the ledger's, and (unless the instrument settled) the fills' signed quantity equals the
// position; per order, the fills add up to its filled quantity. All sums are in decimal or fixed-point, exactly.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;

namespace Edgewise.Storage.Store;

public sealed partial class StoreReader
{
    /// <summary>Checks run <paramref name="runId"/>'s ledger, positions, fills and orders against each other, on one snapshot.</summary>
    public StoreConsistencyReport CheckConsistency(long runId)
    {
        using var snapshot = _connection.BeginTransaction(deferred: true);
        _snapshot = snapshot;
        try
        {
            var problems = new List<string>();
            var ledger = LoadLedger(runId);
            var positions = LoadPositions(runId);
            var cash = CheckLedger(ledger, problems, out var totals);
            var difference = CheckIdentity(cash, totals, positions, problems);
            CheckFills(runId, ledger, positions, problems);
            CheckOrders(runId, problems);
            return new StoreConsistencyReport(runId, cash, difference, problems);
        }
        finally
        {
            _snapshot = null;
        }
    }

    private static decimal CheckLedger(IReadOnlyList<LedgerEntryRecord> ledger, List<string> problems, out LedgerTotals totals)
    {
        totals = default;
        var balance = 0m;
        var expected = 0L;
        foreach (var (_, seq, entry) in ledger)
        {
            if (seq != expected)
            {
                problems.Add(seq == expected + 1 ? $"ledger: entry {expected} missing" : $"ledger: entries {expected} to {seq - 1} missing");
            }

            expected = seq + 1;
            balance += entry.Amount;
            if (balance != entry.BalanceAfter)
            {
                problems.Add($"ledger: entry {seq} has balance {entry.BalanceAfter}, running sum is {balance}");
                balance = entry.BalanceAfter;
            }

            switch (entry.Kind)
            {
                case LedgerEntryKind.Deposit or LedgerEntryKind.Withdrawal:
                    totals.NetDeposits += entry.Amount;
                    break;
                case LedgerEntryKind.Fee:
                    totals.Fees -= entry.Amount;
                    break;
                case LedgerEntryKind.Funding:
                    totals.Funding += entry.Amount;
                    break;
                default:
                    break;
            }
        }

        return balance;
    }

    private static decimal CheckIdentity(decimal cash, LedgerTotals totals, IReadOnlyList<PositionRecord> positions, List<string> problems)
    {
        decimal cost = 0m, realized = 0m, fees = 0m, funding = 0m;
        foreach (var position in positions)
        {
            cost += position.CostBasis;
            realized += position.RealizedPnl;
            fees += position.FeesPaid;
            funding += position.Funding;
        }

        var difference = (cash + cost) - (totals.NetDeposits + realized - fees + funding);
        if (difference != 0m)
        {
            problems.Add($"portfolio: cash {cash} + cost basis {cost} differs from deposits {totals.NetDeposits} + realized {realized} " +
                         $"- fees {fees} + funding {funding} by {difference}");
        }

        if (totals.Fees != fees)
        {
            problems.Add($"fees: ledger fee entries total {totals.Fees}, positions total {fees}");
        }

        if (totals.Funding != funding)
        {
            problems.Add($"funding: ledger funding entries total {totals.Funding}, positions total {funding}");
        }

        return difference;
    }

    private void CheckFills(long runId, IReadOnlyList<LedgerEntryRecord> ledger, IReadOnlyList<PositionRecord> positions, List<string> problems)
    {
        var byInstrument = new Dictionary<InstrumentId, (long SignedRaw, decimal Fees, decimal TradeCash)>();
        var multipliers = positions.ToDictionary(p => p.Instrument, p => p.Multiplier);
        foreach (var fill in LoadFills(runId))
        {
            if (!multipliers.TryGetValue(fill.Instrument, out var multiplier))
            {
                problems.Add($"fill {fill.TradeId} on {fill.Instrument}: no position row");
                continue;
            }

            var signed = fill.Side == OrderSide.Buy ? fill.Quantity.Raw : -fill.Quantity.Raw;
            byInstrument.TryGetValue(fill.Instrument, out var sums);
            byInstrument[fill.Instrument] = (sums.SignedRaw + signed, sums.Fees + fill.Fee,
                sums.TradeCash - (FixedPoint.Multiply(signed, fill.Price.Raw) * multiplier));
        }

        var ledgerCash = new Dictionary<InstrumentId, decimal>();
        var settled = new HashSet<InstrumentId>();
        foreach (var (_, _, entry) in ledger)
        {
            if (entry.Instrument is { } instrument && entry.Kind == LedgerEntryKind.TradeCash)
            {
                ledgerCash[instrument] = ledgerCash.GetValueOrDefault(instrument) + entry.Amount;
            }
            else if (entry.Instrument is { } settledInstrument && entry.Kind == LedgerEntryKind.SettlementPayout)
            {
                settled.Add(settledInstrument);
            }
        }

        foreach (var position in positions)
        {
            var sums = byInstrument.GetValueOrDefault(position.Instrument);
            if (sums.Fees != position.FeesPaid)
            {
                problems.Add($"{position.Instrument}: fills' fees total {sums.Fees}, position has {position.FeesPaid}");
            }

            var tradeCash = ledgerCash.GetValueOrDefault(position.Instrument);
            if (sums.TradeCash != tradeCash)
            {
                problems.Add($"{position.Instrument}: fills' trade cash totals {sums.TradeCash}, ledger has {tradeCash}");
            }

            if (!settled.Contains(position.Instrument) && sums.SignedRaw != position.NetQuantity.Raw)
            {
                problems.Add($"{position.Instrument}: fills add up to {new Quantity(sums.SignedRaw)}, position is {position.NetQuantity}");
            }
        }
    }

    private void CheckOrders(long runId, List<string> problems)
    {
        var filled = Query(
            "SELECT o.client_order_id, o.filled_quantity, coalesce((SELECT sum(f.quantity) FROM fills f " +
            "WHERE f.client_order_id = o.client_order_id), 0) FROM orders o WHERE o.run_id = $a ORDER BY o.client_order_id;",
            r => (Id: r.GetString(0), Order: r.GetInt64(1), Fills: r.GetInt64(2)),
            runId);
        foreach (var (id, order, fills) in filled)
        {
            if (order != fills)
            {
                problems.Add($"order {id}: filled {new Quantity(order)}, its fills add up to {new Quantity(fills)}");
            }
        }
    }

    private struct LedgerTotals
    {
        public decimal NetDeposits;
        public decimal Fees;
        public decimal Funding;
    }
}
