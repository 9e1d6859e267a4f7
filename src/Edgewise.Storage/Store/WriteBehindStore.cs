// The engine's durable record: an embedded SQLite database written behind the engine's back. The engine thread
// only enqueues immutable records (Enqueue never blocks and never drops: the queue is unbounded in count); one
// writer thread takes them in order, up to MaxBatchRecords per transaction, and commits with synchronous=FULL.
// Instead of a bounded channel that would drop or block the engine, the queue has a soft bound in records and
// estimated bytes: past it the store raises a "halt new entries" request (IsHaltRequested / HaltRequestChanged)
// that the risk side acts on, and keeps everything. A failed commit is rolled back and retried with backoff (on the
// store's TimeProvider), the halt requested meanwhile; writes are idempotent, so a retried batch doubles nothing.
// FlushAsync puts a marker in the queue and completes when the writer has committed everything before it.
// EnqueueTogether queues records that describe one engine event (a fill's ledger entries, position, fill, order
// event and order snapshot) as one queue item, which a batch never splits: after a kill -9 the database holds each
// event whole or not at all, so the stored books reconcile at every moment.
// Lag (pending records and bytes, oldest pending age) is readable from any thread.
using System.Threading.Channels;
using Edgewise.Core.Time;
using Microsoft.Data.Sqlite;

namespace Edgewise.Storage.Store;

public sealed partial class WriteBehindStore : IAsyncDisposable
{
    private const long NoTimestamp = long.MinValue;

    private readonly Channel<PendingItem> _queue = Channel.CreateUnbounded<PendingItem>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly StoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly SqliteConnection _connection;
    private readonly StoreBatchWriter _writer;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _haltGate = new();
    private long _pendingRecords;
    private long _pendingBytes;
    private long _committedRecords;
    private long _failedBatches;
    private long _duplicatesIgnored;
    private long _inFlightOldest = NoTimestamp;
    private int _closed;
    private int _released;
    private volatile bool _haltRequested;
    private volatile bool _faulted;
    private volatile string? _haltReason;
    private volatile Exception? _lastWriteError;

    private WriteBehindStore(string path, StoreOptions options, TimeProvider clock)
    {
        Path = path;
        _options = options;
        _clock = clock;
        _connection = StoreConnection.OpenWriter(path, options.BusyTimeout);
        try
        {
            SchemaVersion = StoreMigrator.Migrate(_connection, StoreMigrations.All, clock.GetUnixNs(), path);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _writer = new StoreBatchWriter(_connection);
        _thread = new Thread(WriterMain) { IsBackground = true, Name = "edgewise-store-writer" };
        _thread.Start();
    }

    /// <summary>
    /// Opens (creating it and its directory if needed) and migrates the database at <paramref name="path"/>, then starts the writer.
    /// Throws <see cref="StoreSchemaException"/> when the file was written by a newer schema.
    /// </summary>
    public static WriteBehindStore Open(string path, StoreOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new StoreOptions();
        options.EnsureValid();
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return new WriteBehindStore(full, options, clock ?? TimeProvider.System);
    }

    public string Path { get; }

    public int SchemaVersion { get; }

    /// <summary>True while the backlog is past its bound or commits are failing: the engine should take no new entries.</summary>
    public bool IsHaltRequested => _haltRequested;

    /// <summary>Why the halt is requested; null when it is not.</summary>
    public string? HaltReason => _haltReason;

    /// <summary>The last commit failure (kept after recovery, for diagnosis); null if none happened.</summary>
    public Exception? LastWriteError => _lastWriteError;

    /// <summary>
    /// Raised when <see cref="IsHaltRequested"/> changes, with the new value: on the enqueuing thread when the bound is
    /// crossed, on the writer thread when a commit fails or the backlog drains. Handlers must be quick and must not
    /// block; read <see cref="IsHaltRequested"/> for the current state (notifications from two threads can interleave).
    /// </summary>
    public event Action<bool>? HaltRequestChanged;

    public StoreLag Lag
    {
        get
        {
            var records = Volatile.Read(ref _pendingRecords);
            var oldest = Volatile.Read(ref _inFlightOldest);
            if (oldest == NoTimestamp && _queue.Reader.TryPeek(out var head))
            {
                oldest = head.EnqueuedAt;
            }

            var age = records > 0 && oldest != NoTimestamp ? _clock.GetElapsedTime(oldest) : TimeSpan.Zero;
            return new StoreLag(records, Volatile.Read(ref _pendingBytes), age < TimeSpan.Zero ? TimeSpan.Zero : age,
                Volatile.Read(ref _committedRecords), Volatile.Read(ref _failedBatches), Volatile.Read(ref _duplicatesIgnored));
        }
    }

    /// <summary>Test hook, awaited by the writer before it takes each batch: lets a test hold the writer still.</summary>
    internal Func<Task>? BatchGate { get; set; }

    /// <summary>Fault-injection hook, called inside the transaction just before commit; throwing fails the batch.</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Test hook, called after a failed batch once its retry delay has been scheduled on the clock.</summary>
    internal Action<Exception>? RetryScheduled { get; set; }

    /// <summary>Queues a record for writing. Never blocks, never drops; throws only after the store was closed.</summary>
    public void Enqueue(StoreRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        Queue(record, 1);
    }

    /// <summary>
    /// Queues records that must be committed together, in this order, in one transaction: after a crash the database
    /// holds all of them or none. Never blocks, never drops; throws only after the store was closed.
    /// </summary>
    public void EnqueueTogether(IReadOnlyList<StoreRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            if (record is RunStartRequest or StoreRecordGroup)
            {
                throw new ArgumentException($"A {record.GetType().Name} cannot be part of a group.", nameof(records));
            }
        }

        switch (records.Count)
        {
            case 0:
                return;
            case 1:
                Queue(records[0], 1);
                return;
            default:
                Queue(new StoreRecordGroup([.. records]), records.Count);
                return;
        }
    }

    private void Queue(StoreRecord record, int count)
    {
        var bytes = record.EstimatedBytes;
        var records = Interlocked.Add(ref _pendingRecords, count);
        var pendingBytes = Interlocked.Add(ref _pendingBytes, bytes);
        if (!_queue.Writer.TryWrite(new PendingItem(record, null, _clock.GetTimestamp(), bytes, count)))
        {
            Interlocked.Add(ref _pendingRecords, -count);
            Interlocked.Add(ref _pendingBytes, -bytes);
            throw new ObjectDisposedException(nameof(WriteBehindStore), "The store was closed; the record was not queued.");
        }

        if (!_haltRequested && (records > _options.MaxPendingRecords || pendingBytes > _options.MaxPendingBytes))
        {
            UpdateHaltRequest();
        }
    }

    /// <summary>Creates the run's row (in queue order) and returns its id once committed.</summary>
    public Task<long> BeginRunAsync(string profile, string configHash, long startedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(configHash);
        var request = new RunStartRequest(profile, configHash, startedAt);
        Enqueue(request);
        return request.Id.Task.WaitAsync(ct);
    }

    /// <summary>Queues the end of a run: when it stopped (Unix ns) and why.</summary>
    public void EndRun(long runId, long stoppedAt, string exitReason) =>
        Enqueue(new RunEndRecord(runId, stoppedAt, exitReason ?? string.Empty));

    /// <summary>Completes when every record enqueued before the call is committed to disk.</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return _writerDone.Task.WaitAsync(ct);
        }

        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(new PendingItem(null, marker, _clock.GetTimestamp(), 0, 0))
            ? marker.Task.WaitAsync(ct)
            : _writerDone.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Stops taking records, lets the writer commit everything queued, then closes the database. Cancelling
    /// <paramref name="ct"/> abandons what is not yet committed (a failing disk must not hang shutdown forever).
    /// </summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _queue.Writer.TryComplete();
        }

        try
        {
            await _writerDone.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await _abandon.CancelAsync().ConfigureAwait(false);
            await _writerDone.Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        finally
        {
            if (_writerDone.Task.IsCompleted)
            {
                ReleaseConnection();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The writer died of a bug; the error was already surfaced through the halt request and FlushAsync.
        }
    }

    private void ReleaseConnection()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _thread.Join();
        _writer.Dispose();
        _connection.Dispose();
        _abandon.Dispose();
    }

    private void UpdateHaltRequest()
    {
        bool now;
        lock (_haltGate)
        {
            var records = Volatile.Read(ref _pendingRecords);
            var bytes = Volatile.Read(ref _pendingBytes);
            var over = records > _options.MaxPendingRecords || bytes > _options.MaxPendingBytes;
            var drained = records <= _options.MaxPendingRecords / 2 && bytes <= _options.MaxPendingBytes / 2;
            var want = _faulted || (_haltRequested ? !drained : over);
            if (want)
            {
                _haltReason = _faulted
                    ? $"store writes failing: {_lastWriteError?.Message}"
                    : $"store backlog of {records} records / {bytes} bytes is past its bound ({_options.MaxPendingRecords} / {_options.MaxPendingBytes})";
            }

            if (want == _haltRequested)
            {
                return;
            }

            _haltRequested = want;
            if (!want)
            {
                _haltReason = null;
            }

            now = want;
        }

        HaltRequestChanged?.Invoke(now);
    }

    private readonly record struct PendingItem(StoreRecord? Record, TaskCompletionSource? Flush, long EnqueuedAt, int Bytes, int Count);
}
