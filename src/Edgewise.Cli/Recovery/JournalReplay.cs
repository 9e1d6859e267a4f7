// Rebuilds a run's portfolio at restart by replaying its journal, in ledger order, through Core's Portfolio: each
// TradeCash entry is the next fill of the run (fills and their ledger entries are stored in the order the engine
// applied them, and one transaction holds both), a Fee entry follows its fill's TradeCash when the fee is not zero,
// and deposits, withdrawals, settlements and funding are their own entries. Every entry the replay posts must equal
// the stored one (kind, instrument, amount, balance, time, reference): if not, the journal is not what this build
// wrote and the run is not resumed (RecoveryException). The rebuilt positions are then compared with the stored
// position rows, which are snapshots derived from the same journal; each disagreement is listed, and the journal wins
// (the recorder re-writes the rows). Replaying, rather than loading the rows, also restores what a row does not hold:
// the open round trip's P&L (for the risk engine's losing streak) and whether a flat position is open (OpenedAt).
using System.Globalization;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Recovery;

internal static class JournalReplay
{
    /// <summary>The portfolio the journal describes, and how the stored position rows differ from it.</summary>
    /// <returns>
    /// Also every position update the replay made, with its fill's or settlement's time (what the risk engine counted then).
    /// </returns>
    public static (Portfolio Portfolio, IReadOnlyList<string> Differences, IReadOnlyList<(long TsNs, PositionUpdate Update)> Updates) Replay(
        IReadOnlyList<LedgerEntryRecord> ledger, IReadOnlyList<FillRecord> fills, IReadOnlyList<PositionRecord> positions)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(positions);
        var instruments = positions.ToDictionary(p => p.Instrument, p => new RecoveredInstrument(p.Instrument, p.Multiplier));
        var portfolio = new Portfolio();
        var updates = new List<(long, PositionUpdate)>();
        var nextFill = 0;
        var i = 0;
        while (i < ledger.Count)
        {
            var (_, seq, entry) = ledger[i];
            if (seq != i)
            {
                throw Broken($"ledger entry {i} is missing (the next stored one is {seq})");
            }

            switch (entry.Kind)
            {
                case LedgerEntryKind.Deposit:
                    portfolio.Deposit(entry.Amount, entry.Ts, entry.Reference);
                    break;
                case LedgerEntryKind.Withdrawal:
                    portfolio.Withdraw(-entry.Amount, entry.Ts, entry.Reference);
                    break;
                case LedgerEntryKind.TradeCash:
                    if (nextFill == fills.Count)
                    {
                        throw Broken($"ledger entry {seq} books a trade, but the run has no fill left for it");
                    }

                    var fill = fills[nextFill++];
                    updates.Add((fill.TsEvent, portfolio.ApplyFill(InstrumentOf(instruments, fill.Instrument, $"fill {fill.TradeId}"), fill.Side,
                        new Fill(fill.TradeId, fill.Price, fill.Quantity, fill.Liquidity, fill.Fee, fill.TsEvent), entry.Reference)));
                    break;
                case LedgerEntryKind.SettlementPayout:
                    var settled = InstrumentOf(instruments, entry.Instrument, $"ledger entry {seq}");
                    updates.Add((entry.Ts, portfolio.Settle(settled, SettlementPrice(portfolio, settled, entry, seq), entry.Ts)));
                    break;
                case LedgerEntryKind.Funding:
                    portfolio.ApplyFunding(InstrumentOf(instruments, entry.Instrument, $"ledger entry {seq}"), entry.Amount, entry.Ts);
                    break;
                default:
                    throw Broken($"ledger entry {seq} is a {entry.Kind}, which only a fill posts (after its trade cash)");
            }

            // The replay posted one entry, or two for a fill with a fee: each must be the stored one at its place.
            var replayed = portfolio.Ledger.Entries;
            for (var k = i; k < replayed.Count; k++)
            {
                var stored = k < ledger.Count && ledger[k].Seq == k ? ledger[k].Entry : (LedgerEntry?)null;
                if (stored != replayed[k])
                {
                    throw Broken($"ledger entry {k} is {Describe(stored)}, the journal gives {Describe(replayed[k])}");
                }
            }

            i = replayed.Count;
        }

        if (nextFill < fills.Count)
        {
            throw Broken($"{fills.Count - nextFill} fill(s) have no ledger entries, the first {fills[nextFill].TradeId} on {fills[nextFill].Instrument}");
        }

        portfolio.EnsureReconciled();
        return (portfolio, ComparePositions(portfolio, positions), updates);
    }

    private static List<string> ComparePositions(Portfolio portfolio, IReadOnlyList<PositionRecord> stored)
    {
        var differences = new List<string>();
        var rows = stored.ToDictionary(p => p.Instrument);
        foreach (var position in portfolio.Positions.OrderBy(p => p.Instrument.ToString(), StringComparer.Ordinal))
        {
            if (!rows.TryGetValue(position.Instrument, out var row))
            {
                differences.Add($"position {position.Instrument}: no stored row; the journal holds {position.NetQuantity}");
                continue;
            }

            Compare(differences, position.Instrument, "quantity", row.NetQuantity.ToString(), position.NetQuantity.ToString());
            Compare(differences, position.Instrument, "cost basis", Money(row.CostBasis), Money(position.CostBasis));
            Compare(differences, position.Instrument, "realized P&L", Money(row.RealizedPnl), Money(position.RealizedPnl));
            Compare(differences, position.Instrument, "fees", Money(row.FeesPaid), Money(position.FeesPaid));
            Compare(differences, position.Instrument, "funding", Money(row.Funding), Money(position.Funding));
            if (position.OpenedAt is { } opened && opened != row.OpenedAt)
            {
                Compare(differences, position.Instrument, "opened_at", Ns(row.OpenedAt), Ns(opened));
            }
        }

        return differences;
    }

    private static void Compare(List<string> differences, InstrumentId instrument, string what, string stored, string journal)
    {
        if (!string.Equals(stored, journal, StringComparison.Ordinal))
        {
            differences.Add($"position {instrument}: stored {what} {stored}, the journal gives {journal} (the row is rewritten)");
        }
    }

    /// <summary>The settlement price the payout implies: payout = quantity × price × multiplier, exactly.</summary>
    private static Price SettlementPrice(Portfolio portfolio, RecoveredInstrument instrument, LedgerEntry entry, long seq)
    {
        var held = portfolio.NetQuantity(instrument.Id);
        if (held.IsZero)
        {
            throw Broken($"ledger entry {seq} pays a settlement on {instrument.Id}, which the journal holds nothing of");
        }

        var price = entry.Amount / (held.ToDecimal() * instrument.Multiplier);
        try
        {
            var fixedPrice = Price.FromDecimal(price);
            if (FixedPoint.Multiply(held.Raw, fixedPrice.Raw) * instrument.Multiplier == entry.Amount)
            {
                return fixedPrice;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Not a price on the fixed-point grid: reported below.
        }

        throw Broken($"ledger entry {seq} pays {entry.Amount} for {held} of {instrument.Id}, which is no exact settlement price");
    }

    private static RecoveredInstrument InstrumentOf(Dictionary<InstrumentId, RecoveredInstrument> instruments, InstrumentId? id, string what) =>
        id is not null && instruments.TryGetValue(id, out var instrument)
            ? instrument
            : throw Broken($"{what} is on {id?.ToString() ?? "no instrument"}, which has no position row (its multiplier is unknown)");

    private static string Describe(LedgerEntry? entry) => entry is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"{e.Kind} {e.Amount} on {e.Instrument?.ToString() ?? "-"} (balance {e.BalanceAfter}, ts {e.Ts}, ref {e.Reference})")
        : "missing";

    private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ns(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static RecoveryException Broken(string detail) => new($"the journal does not replay: {detail}");
}
