// Fetches REST book snapshots for one data client, on its own loop, so the receive loop never waits on HTTP.
// Requests are endpoints ("/api/v3/depth?symbol=BTCUSDT&limit=1000"); a request already queued or in flight is
// not repeated, because the book sync asks again if the reply turns out too old. Failures are retried after
// the venue's Retry-After or a capped exponential backoff with jitter (a fatal answer waits the longest delay,
// so a misconfiguration shows in the health view without hammering the venue). Each connection is one
// generation: Reset (on connect and disconnect) drops queued requests, and replies of an older generation are
// discarded instead of being applied to the next connection's book.
using System.Threading.Channels;
using Edgewise.Core.Time;

namespace Edgewise.Venues.Common;

public sealed class SnapshotFetcher
{
    private readonly RestFetcher _rest;
    private readonly Uri _baseUri;
    private readonly ReconnectBackoff _backoff;
    private readonly TimeProvider _clock;
    private readonly Action<FetchedSnapshot> _deliver;
    private readonly Lock _gate = new();
    private readonly List<string> _pending = [];
    private readonly Channel<byte> _wake = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _generation;
    private string? _inFlight;
    private long _fetches;
    private long _failures;
    private long _discarded;
    private volatile string? _lastError;

    public SnapshotFetcher(RestFetcher rest, Uri baseUri, ReconnectBackoff backoff, TimeProvider clock, Action<FetchedSnapshot> deliver)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(deliver);
        if (!baseUri.IsAbsoluteUri || baseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"A REST base URI must be absolute http:// or https://, not '{baseUri}'.", nameof(baseUri));
        }

        _rest = rest;
        _baseUri = baseUri;
        _backoff = backoff;
        _clock = clock;
        _deliver = deliver;
    }

    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>Snapshots fetched and delivered.</summary>
    public long Fetches => Interlocked.Read(ref _fetches);

    /// <summary>Fetch attempts that failed (each was retried while its generation lasted).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Replies dropped because the connection they were for had ended.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    public string? LastError => _lastError;

    /// <summary>Raised on the fetch loop when a failed fetch will be retried after the given delay (tests and logs; keep it short).</summary>
    public event Action<TimeSpan>? RetryScheduled;

    public bool IsCurrent(long generation)
    {
        lock (_gate)
        {
            return generation == _generation;
        }
    }

    /// <summary>Starts a new generation: queued requests are dropped, replies in flight will be discarded.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _pending.Clear();
            _inFlight = null;
        }
    }

    /// <summary>Queues a fetch of <paramref name="endpoint"/> (path and query) unless one is already queued or in flight. Never blocks.</summary>
    public void Request(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        lock (_gate)
        {
            if (_pending.Contains(endpoint) || endpoint == _inFlight)
            {
                return;
            }

            _pending.Add(endpoint);
        }

        _wake.Writer.TryWrite(0);
    }

    /// <summary>Serves requests until <paramref name="ct"/> is canceled; returns normally then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await _wake.Reader.ReadAsync(ct).ConfigureAwait(false);
                while (TryTake(out var endpoint, out var generation))
                {
                    await FetchAsync(endpoint, generation, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private bool TryTake(out string endpoint, out long generation)
    {
        lock (_gate)
        {
            generation = _generation;
            if (_pending.Count == 0)
            {
                endpoint = string.Empty;
                return false;
            }

            endpoint = _pending[0];
            _pending.RemoveAt(0);
            _inFlight = endpoint;
            return true;
        }
    }

    private async Task FetchAsync(string endpoint, long generation, CancellationToken ct)
    {
        var uri = new Uri(_baseUri, endpoint);
        var failures = 0;
        while (IsCurrent(generation))
        {
            var result = await _rest.GetAsync(uri, ct).ConfigureAwait(false);
            if (!StillWanted(endpoint, generation, result.IsOk))
            {
                Interlocked.Increment(ref _discarded);
                return;
            }

            if (result.IsOk)
            {
                Interlocked.Increment(ref _fetches);
                try
                {
                    _deliver(new FetchedSnapshot(endpoint, result.Body, _clock.GetUnixNs(), generation));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _lastError = $"applying the snapshot from {endpoint} failed: {ex.Message}";
                }

                return;
            }

            Interlocked.Increment(ref _failures);
            _lastError = result.Error;
            var delay = result.RetryAfter
                ?? (result.Outcome == RestOutcome.Fatal ? _backoff.Max : _backoff.Delay(failures));
            failures++;
            var wait = Task.Delay(delay, _clock, ct);
            RetryScheduled?.Invoke(delay); // after the timer exists, so an observer may move the clock past it
            await wait.ConfigureAwait(false);
        }

        Interlocked.Increment(ref _discarded);
    }

    /// <summary>True while the generation lasts; on the final (ok) reply the endpoint stops being in flight first, so the sync may ask again.</summary>
    private bool StillWanted(string endpoint, long generation, bool done)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return false;
            }

            if (done && _inFlight == endpoint)
            {
                _inFlight = null;
            }

            return true;
        }
    }
}
