namespace Edgewise.Storage.Store;

/// <summary>
/// The result of checking one run's stored books: <paramref name="Cash"/> is the ledger's final balance,
/// <paramref name="ReconciliationDifference"/> the portfolio identity's residue (zero when cash and positions agree,
/// as in Core's Portfolio.ReconciliationDifference), and <paramref name="Problems"/> one line per discrepancy found.
/// </summary>
public sealed record StoreConsistencyReport(long RunId, decimal Cash, decimal ReconciliationDifference, IReadOnlyList<string> Problems)
{
    public bool IsConsistent => Problems.Count == 0;
}
