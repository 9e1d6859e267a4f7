using Edgewise.Core.Instruments;

namespace Edgewise.Core.Portfolio;

/// <summary>
/// The cash account: every movement is an entry, and the balance is their running sum. Only
/// <see cref="Portfolio"/> posts entries, so cash and positions always move together.
/// </summary>
public sealed class Ledger
{
    private readonly List<LedgerEntry> _entries = [];

    public decimal Cash { get; private set; }

    /// <summary>Deposits minus withdrawals.</summary>
    public decimal NetDeposits { get; private set; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>The sum of all entry amounts, recomputed (equals <see cref="Cash"/> unless the ledger is corrupt).</summary>
    public decimal SumOfEntries()
    {
        var sum = 0m;
        foreach (var entry in _entries)
        {
            sum += entry.Amount;
        }

        return sum;
    }

    internal void Post(LedgerEntryKind kind, InstrumentId? instrument, decimal amount, long ts, string? reference)
    {
        Cash += amount;
        if (kind is LedgerEntryKind.Deposit or LedgerEntryKind.Withdrawal)
        {
            NetDeposits += amount;
        }

        _entries.Add(new LedgerEntry(ts, kind, instrument, amount, Cash, reference));
    }
}
