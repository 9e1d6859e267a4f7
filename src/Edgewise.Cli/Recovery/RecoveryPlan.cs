using Edgewise.Core.Instruments;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Recovery;

/// <summary>
/// What restart recovery found and decided. <see cref="ResumedRun"/> is the crashed run to continue (null: begin a new
/// run with an empty portfolio); <see cref="Portfolio"/> its books replayed from the journal; <see cref="CanceledOrders"/>
/// the orders it left open, as stored (in paper mode each is canceled by <see cref="Writes"/>); <see cref="Differences"/>
/// every way the store (or, live, the venue) disagreed with the journal; <see cref="AbandonedRuns"/> older runs that
/// never ended and are closed now. <see cref="HaltReason"/>, when set, means trading must start Halted.
/// </summary>
internal sealed record RecoveryPlan(
    RunInfo? ResumedRun,
    Portfolio Portfolio,
    IReadOnlyList<OrderRecord> CanceledOrders,
    IReadOnlyList<string> Differences,
    IReadOnlyList<RunInfo> AbandonedRuns,
    IReadOnlyList<StoreRecord> Writes,
    int LedgerEntries,
    IReadOnlyDictionary<InstrumentId, long> OpenedAt,
    string? ResumeScope,
    string? HaltReason)
{
    public static RecoveryPlan Fresh(IReadOnlyList<RunInfo> abandoned, IReadOnlyList<StoreRecord> writes) =>
        new(null, new Portfolio(), [], [], abandoned, writes, 0, new Dictionary<InstrumentId, long>(), null, null);

    /// <summary>The resumed run's day so far and losing streak, for the risk engine's limits (null for a new run).</summary>
    public RiskCarryOver? Risk { get; init; }

    public bool IsResume => ResumedRun is not null;

    /// <summary>The client order id scope of this process: "r&lt;run&gt;" for a new run, "r&lt;run&gt;.&lt;k&gt;" for its k-th resume.</summary>
    public string ScopeFor(long runId) => ResumeScope ?? RunRecovery.Scope(runId, 0);
}
