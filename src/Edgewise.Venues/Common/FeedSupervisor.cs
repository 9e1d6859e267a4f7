// Runs several feeds side by side so that none can take down another or the process: each runs in its own
// loop, and if a feed's RunAsync throws (a bug: feeds handle venue errors themselves) or returns early, the
// fault is counted, its text kept, and the feed restarted after a capped exponential backoff on the shared
// clock. RunAsync returns when its token is canceled, after every feed has stopped.
namespace Edgewise.Venues.Common;

public sealed class FeedSupervisor
{
    private readonly IReadOnlyList<IFeed> _feeds;
    private readonly TimeProvider _clock;
    private readonly ReconnectBackoff _backoff;
    private readonly long[] _faults;
    private readonly string?[] _lastFault;

    public FeedSupervisor(IReadOnlyList<IFeed> feeds, TimeProvider clock, ReconnectBackoff? restartBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(clock);
        if (feeds.Count == 0 || feeds.Any(f => f is null))
        {
            throw new ArgumentException("At least one feed, and no null feeds, are needed.", nameof(feeds));
        }

        _feeds = feeds;
        _clock = clock;
        _backoff = restartBackoff ?? new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, Random.Shared);
        _faults = new long[feeds.Count];
        _lastFault = new string?[feeds.Count];
    }

    public IReadOnlyList<IFeed> Feeds => _feeds;

    /// <summary>Raised when the feed at the given index failed and will be restarted after the given delay (keep handlers short).</summary>
    public event Action<int, TimeSpan>? RestartScheduled;

    /// <summary>Times the feed at <paramref name="index"/> failed and was restarted.</summary>
    public long Faults(int index) => Interlocked.Read(ref _faults[index]);

    /// <summary>Every feed's health, in the order given; a feed's own last error is replaced by its last fault when it faulted later.</summary>
    public IReadOnlyList<FeedHealth> GetHealth()
    {
        var result = new FeedHealth[_feeds.Count];
        for (var i = 0; i < _feeds.Count; i++)
        {
            var health = _feeds[i].GetHealth();
            result[i] = Volatile.Read(ref _lastFault[i]) is { } fault ? health with { LastError = fault } : health;
        }

        return result;
    }

    public Task RunAsync(CancellationToken ct) => Task.WhenAll(_feeds.Select((feed, index) => SuperviseAsync(feed, index, ct)));

    private async Task SuperviseAsync(IFeed feed, int index, CancellationToken ct)
    {
        await Task.Yield(); // each feed starts on its own, so a feed that blocks in RunAsync cannot hold up the others
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await feed.RunAsync(ct).ConfigureAwait(false);
                if (ct.IsCancellationRequested)
                {
                    return;
                }

                Fault(index, $"{feed.Name} stopped by itself");
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Fault(index, $"{feed.Name} failed: {ex.Message}");
            }

            try
            {
                var delay = _backoff.Delay(failures++);
                var wait = Task.Delay(delay, _clock, ct);
                RestartScheduled?.Invoke(index, delay); // after the timer exists, so an observer may move the clock past it
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Fault(int index, string text)
    {
        Interlocked.Increment(ref _faults[index]);
        Volatile.Write(ref _lastFault[index], text);
    }
}
