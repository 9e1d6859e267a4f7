// Market rollover for one Kalshi series (KXBTC15M: a new market every 15 minutes; KXBTCD: a set of strikes every hour). The
// tracker lists the series' open and unopened markets over REST (cursor paging), groups them into windows by close time, and on
// its clock:
//   - makes the earliest window that has opened the current one and subscribes its markets (MarketOpened each);
//   - subscribes the next window's markets SubscribeLead before the current window closes, so their books are already healthy;
//   - at the close switches: the next window becomes current (ActiveMarketChanged), the closed markets are unsubscribed
//     (MarketClosed each), and the series is listed again to find the window after.
// Market switches and strategies: every market is its own InstrumentId, so a book, quote or trade names the contract it belongs
// to and no price of a new market is ever a continuation of the old one. A strategy keeps its per-market state (last price,
// returns, signals) keyed by instrument, resets it on ActiveMarketChanged, and never differences prices across instruments; the
// first quote of the new market therefore starts a new series instead of producing a jump. KalshiMarketSwitch carries both
// windows for that, and IsCurrent answers "does this instrument belong to the window being traded" for any quote.
// Events are raised on the tracker's loop (keep handlers short; composition forwards them to the engine). Listing failures are
// typed REST results: retried after a capped exponential backoff, never thrown.
using Edgewise.Core.Instruments;
using Edgewise.Venues.Common;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiMarketTracker
{
    private readonly KalshiMarketTrackerOptions _options;
    private readonly KalshiRestClient _rest;
    private readonly IKalshiMarketFeed _feed;
    private readonly TimeProvider _clock;
    private readonly KalshiInstrumentProvider _instruments;
    private readonly Func<KalshiMarket, bool> _include;
    private readonly ReconnectBackoff _retryBackoff;
    private readonly Lock _gate = new();
    private List<Window> _windows = [];
    private Window? _current;
    private Window? _next;
    private bool _nextSubscribed;

    /// <param name="options">Validated here; a bad value throws naming its key.</param>
    /// <param name="rest">Lists the series' markets (the data client's <see cref="KalshiDataClient.Rest"/> fits).</param>
    /// <param name="feed">Subscribes and unsubscribes markets (the data client).</param>
    /// <param name="clock">Every switch, lead and retry runs on it.</param>
    /// <param name="instruments">Reads market objects into contracts (grid, times, strike, fees); a new one when null.</param>
    /// <param name="include">Which markets of a window to follow (e.g. strikes near the index for KXBTCD); all when null.</param>
    /// <param name="random">Jitter for retry delays; <see cref="Random.Shared"/> when null.</param>
    public KalshiMarketTracker(KalshiMarketTrackerOptions options, KalshiRestClient rest, IKalshiMarketFeed feed, TimeProvider clock,
        KalshiInstrumentProvider? instruments = null, Func<KalshiMarket, bool>? include = null, Random? random = null)
    {
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _rest = rest;
        _feed = feed;
        _clock = clock;
        _instruments = instruments ?? new KalshiInstrumentProvider();
        _include = include ?? (_ => true);
        _retryBackoff = new ReconnectBackoff(options.RetryDelayInitial, options.RetryDelayMax, 0.2, random ?? Random.Shared);
    }

    /// <summary>
    /// A market is about to be subscribed (the current window's at start, the next window's SubscribeLead before the switch).
    /// Raised before the subscription goes out, so a handler can register the market's instruments before its first book arrives.
    /// </summary>
    public event Action<KalshiMarket>? MarketOpened;

    /// <summary>A market's window closed and it was unsubscribed.</summary>
    public event Action<KalshiMarket>? MarketClosed;

    /// <summary>The window being traded changed (see the note at the top of the file).</summary>
    public event Action<KalshiMarketSwitch>? ActiveMarketChanged;

    /// <summary>The loop will next act at this time; raised after its timer exists (tests move a manual clock past it).</summary>
    public event Action<DateTimeOffset>? WakeScheduled;

    public string SeriesTicker => _options.SeriesTicker;

    /// <summary>The markets of the window being traded (empty before the first one opens).</summary>
    public IReadOnlyList<KalshiMarket> Current
    {
        get
        {
            lock (_gate)
            {
                return _current?.Markets ?? [];
            }
        }
    }

    /// <summary>The markets of the window after the current one, once listed (empty until then).</summary>
    public IReadOnlyList<KalshiMarket> Next
    {
        get
        {
            lock (_gate)
            {
                return _next?.Markets ?? [];
            }
        }
    }

    /// <summary>True when the instrument is one of the current window's markets.</summary>
    public bool IsCurrent(InstrumentId instrument)
    {
        lock (_gate)
        {
            return _current is { } window && window.Markets.Any(m => m.Contract.Id.Equals(instrument));
        }
    }

    /// <summary>Lists, subscribes and switches until <paramref name="ct"/> is canceled; returns normally then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await LoadSeriesFeesAsync(ct).ConfigureAwait(false);
            var failures = 0;
            var refreshAt = DateTimeOffset.MinValue;
            while (true)
            {
                var now = _clock.GetUtcNow();
                if (now >= refreshAt)
                {
                    var listed = await ListMarketsAsync(ct).ConfigureAwait(false);
                    now = _clock.GetUtcNow();
                    if (listed is null)
                    {
                        refreshAt = now + _retryBackoff.Delay(failures++); // switches already known still happen meanwhile
                    }
                    else
                    {
                        failures = 0;
                        Merge(listed, now);
                        refreshAt = DateTimeOffset.MaxValue;
                    }
                }

                if (Step(now))
                {
                    refreshAt = now; // a window closed: list again to find the one after the new current
                    continue;
                }

                if (refreshAt == DateTimeOffset.MaxValue)
                {
                    refreshAt = now + (NextUnknown ? _options.MissingNextRefreshInterval : _options.RefreshInterval);
                }

                await WaitUntilAsync(NextWake(now, refreshAt), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private bool NextUnknown
    {
        get
        {
            lock (_gate)
            {
                return _next is null;
            }
        }
    }

    /// <summary>
    /// Does what is due at <paramref name="now"/>: activate, subscribe the next window, switch. Returns true when a window
    /// closed (the caller lists the series again). Events are raised after the state is updated, outside the lock.
    /// </summary>
    private bool Step(DateTimeOffset now)
    {
        var opened = new List<KalshiMarket>();
        var closed = new List<KalshiMarket>();
        var switches = new List<KalshiMarketSwitch>();
        lock (_gate)
        {
            if (_current is { } current && now >= current.Close)
            {
                var incoming = _next is { } next && next.Close > now && next.Open <= now ? next : null;
                if (incoming is not null && !_nextSubscribed)
                {
                    opened.AddRange(incoming.Markets); // the lead was missed (listed late): subscribe now
                }

                _current = incoming;
                _next = incoming is null ? _next : null;
                _nextSubscribed = incoming is null && _nextSubscribed;
                closed.AddRange(current.Markets);
                switches.Add(new KalshiMarketSwitch(current.Markets, incoming?.Markets ?? [], now));
            }

            _next ??= FirstWindowAfter(_current?.Close ?? now);
            if (_current is null && _next is { } first && now >= first.Open)
            {
                if (!_nextSubscribed)
                {
                    opened.AddRange(first.Markets);
                }

                _current = first;
                _next = FirstWindowAfter(first.Close);
                _nextSubscribed = false;
                switches.Add(new KalshiMarketSwitch([], first.Markets, now));
            }

            if (_next is { } upcoming && !_nextSubscribed && now >= SwitchTime(upcoming) - _options.SubscribeLead)
            {
                opened.AddRange(upcoming.Markets);
                _nextSubscribed = true;
            }
        }

        foreach (var market in opened)
        {
            // The handler first: it registers the market's instruments (the engine drops a book for an instrument it does not know
            // yet, and a snapshot dropped that way left the engine's book built from deltas alone; seen under load).
            MarketOpened?.Invoke(market);
            _feed.AddMarket(market.Contract);
        }

        // One switch per step: a close followed at once by a late-listed window's activation reads as old -> new.
        if (switches.Count > 0)
        {
            var previous = switches[0].Previous;
            var latest = switches[^1];
            ActiveMarketChanged?.Invoke(latest with { Previous = previous });
        }

        foreach (var market in closed)
        {
            _feed.RemoveMarket(market.Contract.Id);
            MarketClosed?.Invoke(market);
        }

        return closed.Count > 0;
    }

    /// <summary>The earliest listed window closing after <paramref name="time"/>; call under the lock.</summary>
    private Window? FirstWindowAfter(DateTimeOffset time) => _windows.FirstOrDefault(w => w.Close > time);

    /// <summary>When the upcoming window takes over: at the current window's close, or at its own opening when none is current.</summary>
    private DateTimeOffset SwitchTime(Window upcoming) => _current?.Close ?? upcoming.Open;

    private DateTimeOffset NextWake(DateTimeOffset now, DateTimeOffset refreshAt)
    {
        var wake = refreshAt;
        lock (_gate)
        {
            if (_current is { } current && current.Close < wake)
            {
                wake = current.Close;
            }

            if (_next is { } next)
            {
                var due = _nextSubscribed ? SwitchTime(next) : SwitchTime(next) - _options.SubscribeLead;
                if (due < wake)
                {
                    wake = due;
                }
            }
        }

        return wake > now ? wake : now;
    }

    private async Task WaitUntilAsync(DateTimeOffset wake, CancellationToken ct)
    {
        // Rounded UP to whole milliseconds: Task.Delay truncates to milliseconds, and a wake less than 1 ms ahead (a jittered retry
        // time) would otherwise complete at once, leave the clock short of the wake and spin this loop without ever waiting.
        var delay = wake - _clock.GetUtcNow();
        var wait = Task.Delay(delay > TimeSpan.Zero ? TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)) : TimeSpan.Zero, _clock, ct);
        WakeScheduled?.Invoke(wake); // after the timer exists, so an observer may move the clock past it
        await wait.ConfigureAwait(false);
    }

    /// <summary>Markets that close at the same time, traded together; Open is the earliest opening among them.</summary>
    private sealed record Window(DateTimeOffset Close, DateTimeOffset Open, IReadOnlyList<KalshiMarket> Markets);
}
