// Writes small stores by hand for report tests: a temp directory holding one database, with a run whose fills,
// ledger entries and positions are given explicitly, so the expected figures can be worked out on paper.
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;
using Edgewise.TestKit;

namespace Edgewise.Tests.Cli.Reports;

internal sealed class ReportStore : IDisposable
{
    public const long Second = 1_000_000_000L;

    /// <summary>2026-02-02T08:00:00Z in Unix ns: the scenario's start.</summary>
    public const long T0 = 1_770_019_200L * Second;

    public static readonly InstrumentId A = new("kalshi", "KXBTC15M-A");
    public static readonly InstrumentId B = new("kalshi", "KXBTC15M-B");
    public static readonly InstrumentId C = new("kalshi", "KXBTC15M-C");

    private readonly List<FillRecord> _fills = [];
    private readonly List<LedgerEntry> _ledger = [];
    private int _trade;

    public ReportStore() => Directory = System.IO.Directory.CreateTempSubdirectory("edgewise-report-").FullName;

    public string Directory { get; }

    public string DbPath => Path.Combine(Directory, "edgewise.db");

    public decimal Cash { get; private set; }

    public void Deposit(decimal amount, long ts) => Post(ts, LedgerEntryKind.Deposit, null, amount);

    /// <summary>A fill with its trade cash and fee entries, as Portfolio books them (multiplier 1).</summary>
    public void Fill(string strategy, InstrumentId instrument, OrderSide side, decimal quantity, decimal price, decimal fee, long ts)
    {
        _trade++;
        var id = "t" + _trade.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _fills.Add(new FillRecord(0, instrument, id, "o" + id, strategy, side, Price.FromDecimal(price), Quantity.FromDecimal(quantity),
            LiquiditySide.Taker, fee, ts, ts));
        Post(ts, LedgerEntryKind.TradeCash, instrument, (side == OrderSide.Buy ? -1m : 1m) * quantity * price);
        Post(ts, LedgerEntryKind.Fee, instrument, -fee);
    }

    public void Payout(InstrumentId instrument, decimal amount, long ts) => Post(ts, LedgerEntryKind.SettlementPayout, instrument, amount);

    /// <summary>Writes everything as run 1 of a new store and closes it; returns the run id.</summary>
    public async Task<long> WriteAsync(string profile, string configHash, long? stoppedAt, string? exitReason,
        IReadOnlyList<PositionRecord>? positions = null)
    {
        var clock = new ManualTimeProvider();
        await using var store = WriteBehindStore.Open(DbPath, clock: clock);
        var ct = TestContext.Current.CancellationToken;
        var run = await store.BeginRunAsync(profile, configHash, T0, ct);
        foreach (var fill in _fills)
        {
            store.Enqueue(fill with { RunId = run });
        }

        for (var i = 0; i < _ledger.Count; i++)
        {
            store.Enqueue(new LedgerEntryRecord(run, i, _ledger[i]));
        }

        foreach (var position in positions ?? [])
        {
            store.Enqueue(position with { RunId = run });
        }

        if (stoppedAt is { } stopped)
        {
            store.EndRun(run, stopped, exitReason!);
        }

        await store.CloseAsync(ct);
        return run;
    }

    public static PositionRecord Position(InstrumentId instrument, decimal net, decimal realized, decimal fees) =>
        new(0, instrument, Quantity.FromDecimal(net), 0m, 1m, realized, fees, 0m, T0, T0, 0);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void Post(long ts, LedgerEntryKind kind, InstrumentId? instrument, decimal amount)
    {
        Cash += amount;
        _ledger.Add(new LedgerEntry(ts, kind, instrument, amount, Cash, null));
    }
}
