// The writer thread: waits for records, takes a batch in queue order, writes it in one transaction, and only then
// releases the batch's flush markers and run ids. A failed transaction is rolled back and the same batch retried
// after a growing delay on the store's clock, so nothing is skipped and order is kept; the halt request stays up
// until a commit succeeds. Closing the queue ends the loop once it is drained; abandoning (a cancelled close)
// ends it at the next wait, failing the flushes still waiting.
using Microsoft.Data.Sqlite;

namespace Edgewise.Storage.Store;

public sealed partial class WriteBehindStore
{
    private void WriterMain()
    {
        var batch = new List<PendingItem>(Math.Min(_options.MaxBatchRecords, 4096) + 16);
        var runIds = new List<(RunStartRequest Request, long Id)>();
        try
        {
            var abandoned = false;
            while (!abandoned && WaitForWork())
            {
                BatchGate?.Invoke().GetAwaiter().GetResult();
                TakeBatch(batch);
                abandoned = !CommitWithRetry(batch, runIds);
                if (!abandoned)
                {
                    Complete(batch, runIds);
                }
            }

            if (abandoned || _abandon.IsCancellationRequested)
            {
                var error = new InvalidOperationException(
                    $"The store {Path} was closed before these records were committed ({Volatile.Read(ref _pendingRecords)} abandoned).");
                FailWaiters(batch, error);
                _writerDone.TrySetException(error);
            }
            else
            {
                _writerDone.TrySetResult();
            }
        }
        catch (Exception error)
        {
            var fatal = new InvalidOperationException($"The store writer for {Path} failed: {error.Message}", error);
            _lastWriteError = fatal;
            _faulted = true;
            UpdateHaltRequest();
            FailWaiters(batch, fatal);
            _writerDone.TrySetException(fatal);
        }
    }

    private bool WaitForWork()
    {
        try
        {
            return _queue.Reader.WaitToReadAsync(_abandon.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            return false;
        }
    }

    private void TakeBatch(List<PendingItem> batch)
    {
        if (_queue.Reader.TryPeek(out var head))
        {
            Volatile.Write(ref _inFlightOldest, head.EnqueuedAt);
        }

        var records = 0;
        while (records < _options.MaxBatchRecords && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
            records += item.Count;
        }
    }

    /// <summary>Writes and commits the batch, retrying until it succeeds; false when the store was abandoned meanwhile.</summary>
    private bool CommitWithRetry(List<PendingItem> batch, List<(RunStartRequest, long)> runIds)
    {
        var delay = _options.RetryDelay;
        while (true)
        {
            var duplicatesBefore = _writer.DuplicatesIgnored;
            try
            {
                WriteBatch(batch, runIds);
                if (_faulted)
                {
                    _faulted = false;
                    UpdateHaltRequest();
                }

                return true;
            }
            catch (Exception error) when (error is SqliteException or IOException or InvalidOperationException
                                              or ArgumentException or InvalidDataException or StoreFaultInjectedException)
            {
                _writer.DuplicatesIgnored = duplicatesBefore;
                Interlocked.Increment(ref _failedBatches);
                _lastWriteError = error;
                _faulted = true;
                UpdateHaltRequest();
                var wait = Task.Delay(delay, _clock, _abandon.Token);
                RetryScheduled?.Invoke(error);
                try
                {
                    wait.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
                {
                    return false;
                }

                delay = delay * 2 > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay * 2;
            }
        }
    }

    private void WriteBatch(List<PendingItem> batch, List<(RunStartRequest, long)> runIds)
    {
        runIds.Clear();
        if (batch.TrueForAll(static item => item.Record is null))
        {
            return; // flush markers only: nothing to commit, no empty transaction (and fsync) to pay for
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var item in batch)
        {
            if (item.Record is null)
            {
                continue;
            }

            var id = _writer.Write(item.Record, transaction);
            if (item.Record is RunStartRequest request)
            {
                runIds.Add((request, id));
            }
        }

        BeforeCommit?.Invoke();
        transaction.Commit();
    }

    private void Complete(List<PendingItem> batch, List<(RunStartRequest Request, long Id)> runIds)
    {
        long records = 0;
        long bytes = 0;
        foreach (var item in batch)
        {
            records += item.Count;
            bytes += item.Bytes;
        }

        Interlocked.Add(ref _committedRecords, records);
        Interlocked.Add(ref _pendingRecords, -records);
        Interlocked.Add(ref _pendingBytes, -bytes);
        Volatile.Write(ref _duplicatesIgnored, _writer.DuplicatesIgnored);
        Volatile.Write(ref _inFlightOldest, NoTimestamp);
        if (_haltRequested)
        {
            UpdateHaltRequest();
        }

        foreach (var (request, id) in runIds)
        {
            request.Id.TrySetResult(id);
        }

        foreach (var item in batch)
        {
            item.Flush?.TrySetResult();
        }

        batch.Clear();
        runIds.Clear();
    }

    /// <summary>Fails the flushes and run starts that can no longer complete (in the batch and still queued).</summary>
    private void FailWaiters(List<PendingItem> batch, Exception error)
    {
        foreach (var item in batch)
        {
            Fail(item, error);
        }

        batch.Clear();
        while (_queue.Reader.TryRead(out var item))
        {
            Fail(item, error);
        }

        static void Fail(in PendingItem item, Exception error)
        {
            item.Flush?.TrySetException(error);
            (item.Record as RunStartRequest)?.Id.TrySetException(error);
        }
    }
}
