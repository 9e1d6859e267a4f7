// One recording: a data client per planned venue, each writing every frame it receives (WebSocket messages and
// REST snapshots with their endpoint) to its own CaptureRecorder, all run under one FeedSupervisor so a feed's
// failure restarts that feed only. RunAsync returns when its token is canceled (Ctrl+C), when the duration has
// passed on the session's clock, or when a recorder fails; in every case the feeds are stopped first, so nothing
// writes any more, and then every file is flushed and closed. A recorder failure is the outcome's error: recording
// never carries on with frames missing.
using System.Globalization;
using Edgewise.Core.Contracts;
using Edgewise.Storage.Capture;
using Edgewise.Venues.Common;

namespace Edgewise.Cli.Record;

internal sealed class RecordSession : IDisposable
{
    private readonly RecordPlan _plan;
    private readonly TimeProvider _clock;
    private readonly List<CaptureRecorder> _recorders = [];
    private readonly List<IFeed> _feeds = [];
    private readonly FeedSupervisor _supervisor;
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ran;

    /// <param name="plan">The venues to record and where.</param>
    /// <param name="downstream">Receives every client's validated market data (called under the clients' locks: must not block).</param>
    /// <param name="clock">The feeds' clock: receive times (and so file hours), staleness, backoff, and the duration.</param>
    /// <param name="open">Opens capture files (tests inject failing streams); gzip files that never overwrite when null.</param>
    public RecordSession(RecordPlan plan, IMarketDataSink downstream, TimeProvider clock, Func<string, Stream>? open = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(downstream);
        ArgumentNullException.ThrowIfNull(clock);
        _plan = plan;
        _clock = clock;
        try
        {
            foreach (var venue in plan.Venues)
            {
                var recorder = new CaptureRecorder(new RotatingCaptureWriter(plan.OutDirectory, venue.Name, open), _ => _failed.TrySetResult());
                _recorders.Add(recorder);
                _feeds.Add(venue.CreateClient(downstream, recorder, clock));
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        _supervisor = new FeedSupervisor(_feeds, clock);
    }

    public IReadOnlyList<IFeed> Feeds => _feeds;

    public IReadOnlyList<CaptureRecorder> Recorders => _recorders;

    public string OutDirectory => _plan.OutDirectory;

    /// <summary>Every feed's health, in plan order (safe from any thread).</summary>
    public IReadOnlyList<FeedHealth> Health() => _supervisor.GetHealth();

    /// <summary>Records until <paramref name="ct"/> is canceled, <paramref name="duration"/> has passed, or a recorder fails; then closes the files.</summary>
    public async Task<RecordOutcome> RunAsync(TimeSpan? duration, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _ran, 1) == 1)
        {
            throw new InvalidOperationException("A record session runs once.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = _supervisor.RunAsync(stop.Token);
        // Completes (canceled) as soon as ct is, or after the duration on the session's clock.
        var deadline = Task.Delay(duration ?? Timeout.InfiniteTimeSpan, _clock, stop.Token);
        await Task.WhenAny(deadline, _failed.Task, run).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await run.ConfigureAwait(false);
        }
        finally
        {
            foreach (var recorder in _recorders)
            {
                recorder.Close(); // the feeds have stopped: nothing writes any more
            }
        }

        var venues = _recorders.Select(r => new VenueRecording(r.Venue, r.FramesWritten, r.Files, r.FramesNotWritten)).ToList();
        return new RecordOutcome(venues, Describe(_recorders));
    }

    public void Dispose()
    {
        foreach (var feed in _feeds.OfType<IDisposable>())
        {
            feed.Dispose();
        }

        foreach (var recorder in _recorders)
        {
            recorder.Close();
        }
    }

    private static string? Describe(IEnumerable<CaptureRecorder> recorders)
    {
        var failed = recorders.Where(r => r.Error is not null).ToList();
        if (failed.Count == 0)
        {
            return null;
        }

        var lost = failed.Sum(r => r.FramesNotWritten);
        return string.Join("; ", failed.Select(r => r.Error)) + string.Create(CultureInfo.InvariantCulture,
            $". Recording stopped: {lost} frame(s) from the failure on were not written; the files hold every frame before it.");
    }
}
