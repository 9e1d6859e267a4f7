// Writes records into an open transaction with one prepared command per statement (SQLite keeps each compiled
// after its first use). Lives on the store's writer thread only. Parameters are created from the $names in the
// SQL text, so a statement and its binding cannot drift apart silently: binding an unknown name throws.
using System.Text.RegularExpressions;
using Edgewise.Core.Instruments;
using Microsoft.Data.Sqlite;

namespace Edgewise.Storage.Store;

internal sealed partial class StoreBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public StoreBatchWriter(SqliteConnection connection) => _connection = connection;

    /// <summary>Statements that changed nothing because the row was already there (replays, retried batches).</summary>
    public long DuplicatesIgnored { get; set; }

    /// <summary>Writes one record; returns the new run id for a <see cref="RunStartRequest"/>, else 0.</summary>
    public long Write(StoreRecord record, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record)
        {
            case RunStartRequest r:
                var start = Command(StoreSql.RunStart, transaction);
                Set(start, "$profile", r.Profile);
                Set(start, "$hash", r.ConfigHash);
                Set(start, "$started", r.StartedAt);
                return (long)start.ExecuteScalar()!;
            case RunEndRecord r:
                var end = Command(StoreSql.RunEnd, transaction);
                Set(end, "$id", r.RunId);
                Set(end, "$stopped", r.StoppedAt);
                Set(end, "$reason", r.ExitReason);
                Execute(end);
                return 0;
            case OrderRecord r:
                WriteOrder(r, transaction);
                return 0;
            case OrderEventRecord r:
                var e = Command(StoreSql.OrderEvent, transaction);
                Set(e, "$run", r.RunId);
                Set(e, "$id", r.ClientOrderId);
                Set(e, "$kind", StoreText.Name(r.Kind));
                Set(e, "$trade", r.TradeId);
                Set(e, "$venue_id", r.VenueOrderId);
                Set(e, "$reason", r.Reason);
                Set(e, "$ts_event", r.TsEvent);
                Set(e, "$ts_recv", r.TsRecv);
                Execute(e);
                return 0;
            case FillRecord r:
                WriteFill(r, transaction);
                return 0;
            case PositionRecord r:
                WritePosition(r, transaction);
                return 0;
            case LedgerEntryRecord r:
                WriteLedger(r, transaction);
                return 0;
            case FillAttemptRecord r:
                WriteAttempt(r, transaction);
                return 0;
            case StoreRecordGroup group:
                foreach (var member in group.Records)
                {
                    Write(member, transaction);
                }

                return 0;
            case StrategyStateRecord r:
                var s = Command(StoreSql.StrategyState, transaction);
                Set(s, "$run", r.RunId);
                Set(s, "$strategy", r.StrategyId);
                Set(s, "$ts", r.Ts);
                Set(s, "$json", r.StateJson);
                Execute(s);
                return 0;
            default:
                throw new ArgumentException($"The store cannot write a {record.GetType().Name}.", nameof(record));
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private void WriteOrder(OrderRecord r, SqliteTransaction transaction)
    {
        var c = Command(StoreSql.Order, transaction);
        Set(c, "$id", r.ClientOrderId);
        Set(c, "$run", r.RunId);
        Set(c, "$strategy", r.StrategyId);
        SetInstrument(c, r.Instrument);
        Set(c, "$side", StoreText.Name(r.Side));
        Set(c, "$type", StoreText.Name(r.Type));
        Set(c, "$tif", StoreText.Name(r.TimeInForce));
        Set(c, "$price", r.Price.Raw);
        Set(c, "$quantity", r.Quantity.Raw);
        Set(c, "$status", StoreText.Name(r.Status));
        Set(c, "$filled", r.FilledQuantity.Raw);
        Set(c, "$avg", StoreText.Money(r.AverageFillPrice));
        Set(c, "$fees", StoreText.Money(r.FeesPaid));
        Set(c, "$venue_id", r.VenueOrderId);
        Set(c, "$reason", r.StatusReason);
        Set(c, "$created", r.CreatedAt);
        Set(c, "$last", r.LastEventAt);
        Set(c, "$revision", r.Revision);
        Execute(c);
    }

    private void WriteFill(FillRecord r, SqliteTransaction transaction)
    {
        var c = Command(StoreSql.Fill, transaction);
        Set(c, "$run", r.RunId);
        SetInstrument(c, r.Instrument);
        Set(c, "$trade", r.TradeId);
        Set(c, "$id", r.ClientOrderId);
        Set(c, "$strategy", r.StrategyId);
        Set(c, "$side", StoreText.Name(r.Side));
        Set(c, "$price", r.Price.Raw);
        Set(c, "$quantity", r.Quantity.Raw);
        Set(c, "$liquidity", StoreText.Name(r.Liquidity));
        Set(c, "$fee", StoreText.Money(r.Fee));
        Set(c, "$ts_event", r.TsEvent);
        Set(c, "$ts_recv", r.TsRecv);
        Execute(c);
    }

    private void WritePosition(PositionRecord r, SqliteTransaction transaction)
    {
        var c = Command(StoreSql.Position, transaction);
        Set(c, "$run", r.RunId);
        SetInstrument(c, r.Instrument);
        Set(c, "$net", r.NetQuantity.Raw);
        Set(c, "$cost", StoreText.Money(r.CostBasis));
        Set(c, "$multiplier", StoreText.Money(r.Multiplier));
        Set(c, "$realized", StoreText.Money(r.RealizedPnl));
        Set(c, "$fees", StoreText.Money(r.FeesPaid));
        Set(c, "$funding", StoreText.Money(r.Funding));
        Set(c, "$opened", r.OpenedAt);
        Set(c, "$changed", r.LastChangedAt);
        Set(c, "$seq", r.LedgerSeq);
        Execute(c);
    }

    private void WriteLedger(LedgerEntryRecord r, SqliteTransaction transaction)
    {
        var c = Command(StoreSql.Ledger, transaction);
        var entry = r.Entry;
        Set(c, "$run", r.RunId);
        Set(c, "$seq", r.Seq);
        Set(c, "$ts", entry.Ts);
        Set(c, "$kind", StoreText.Name(entry.Kind));
        Set(c, "$venue", entry.Instrument?.Venue);
        Set(c, "$symbol", entry.Instrument?.Symbol);
        Set(c, "$amount", StoreText.Money(entry.Amount));
        Set(c, "$balance", StoreText.Money(entry.BalanceAfter));
        Set(c, "$reference", entry.Reference);
        Execute(c);
    }

    private void WriteAttempt(FillAttemptRecord r, SqliteTransaction transaction)
    {
        var c = Command(StoreSql.FillAttempt, transaction);
        Set(c, "$run", r.RunId);
        Set(c, "$id", r.ClientOrderId);
        Set(c, "$strategy", r.StrategyId);
        SetInstrument(c, r.Instrument);
        Set(c, "$side", StoreText.Name(r.Side));
        Set(c, "$type", StoreText.Name(r.Type));
        Set(c, "$tif", StoreText.Name(r.TimeInForce));
        Set(c, "$price", r.Price.Raw);
        Set(c, "$size", r.Size.Raw);
        Set(c, "$bid", r.BestBid?.Raw);
        Set(c, "$ask", r.BestAsk?.Raw);
        Set(c, "$submitted", r.SubmittedAt);
        Set(c, "$acked", r.AckedAt);
        Set(c, "$first_fill", r.FirstFillAt);
        Set(c, "$finished", r.FinishedAt);
        Set(c, "$ack_latency", r.AckLatencyNs);
        Set(c, "$fill_latency", r.FirstFillLatencyNs);
        Set(c, "$outcome", StoreText.Name(r.Outcome));
        Set(c, "$status", StoreText.Name(r.FinalStatus));
        Set(c, "$filled", r.FilledSize.Raw);
        Set(c, "$maker", r.MakerSize.Raw);
        Execute(c);
    }

    private static void SetInstrument(SqliteCommand command, InstrumentId instrument)
    {
        Set(command, "$venue", instrument.Venue);
        Set(command, "$symbol", instrument.Symbol);
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    private void Execute(SqliteCommand command)
    {
        if (command.ExecuteNonQuery() == 0)
        {
            DuplicatesIgnored++;
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    [GeneratedRegex(@"\$[a-z_]+")]
    private static partial Regex ParameterName();
}
