// Learns how closed Kalshi markets resolved (FACTS §5.3, §5.8b): each market handed to Watch is read with GET /markets/{ticker}
// from its close time on, every PollInterval, until its "result" is "yes" or "no" (KXBTC15M settles seconds after the close, but
// Kalshi may take longer, so the watcher keeps asking, up to GiveUpAfter past the close). Then MarketSettled names the result.
// A result it cannot use ("void", "scalar", a malformed body) is reported through MarketUnsettled and the market is dropped:
// it is never turned into a guess. REST failures are typed results: the market is simply asked again at the next poll.
// One loop on the given clock; the timer of each wait exists before WakeScheduled announces it (tests move a manual clock).
using System.Text.Json;
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Kalshi;

public sealed class KalshiSettlementWatcher
{
    private readonly KalshiRestClient _rest;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _giveUpAfter;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Watched> _watched = new(StringComparer.Ordinal);
    private CancellationTokenSource? _waitCancel;

    /// <param name="rest">Reads the markets (no credentials needed).</param>
    /// <param name="clock">Every wait runs on it.</param>
    /// <param name="pollInterval">Between two reads of one market; 5 s when null.</param>
    /// <param name="giveUpAfter">How long after its close a market without a result is still asked about; 24 h when null.</param>
    public KalshiSettlementWatcher(KalshiRestClient rest, TimeProvider clock, TimeSpan? pollInterval = null, TimeSpan? giveUpAfter = null)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(clock);
        _rest = rest;
        _clock = clock;
        _pollInterval = pollInterval ?? TimeSpan.FromSeconds(5);
        _giveUpAfter = giveUpAfter ?? TimeSpan.FromHours(24);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_pollInterval, TimeSpan.Zero, nameof(pollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_giveUpAfter, TimeSpan.Zero, nameof(giveUpAfter));
    }

    /// <summary>A watched market showed its result (raised on the watcher's loop; keep handlers short).</summary>
    public event Action<KalshiSettlement>? MarketSettled;

    /// <summary>A watched market was dropped without a usable result: (ticker, why).</summary>
    public event Action<string, string>? MarketUnsettled;

    /// <summary>The watcher will next read a market at this time (raised after its timer exists).</summary>
    public event Action<DateTimeOffset>? WakeScheduled;

    /// <summary>Tickers still waiting for a result.</summary>
    public IReadOnlyList<string> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _watched.Keys];
            }
        }
    }

    /// <summary>Starts asking about <paramref name="ticker"/> at <paramref name="closeTime"/>. Any thread; a ticker already watched is ignored.</summary>
    public void Watch(string ticker, DateTimeOffset closeTime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        lock (_gate)
        {
            if (!_watched.TryAdd(ticker, new Watched(closeTime, closeTime)))
            {
                return;
            }

            _waitCancel?.Cancel(); // the loop may be sleeping past this market's first read
        }
    }

    /// <summary>Reads due markets and waits for the next until <paramref name="ct"/> is canceled; returns normally then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var now = _clock.GetUtcNow();
                foreach (var (ticker, watched) in Due(now))
                {
                    await CheckAsync(ticker, watched, ct).ConfigureAwait(false);
                }

                await WaitAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private List<(string Ticker, Watched Watched)> Due(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _watched.Where(w => w.Value.NextRead <= now).Select(w => (w.Key, w.Value))];
        }
    }

    private async Task CheckAsync(string ticker, Watched watched, CancellationToken ct)
    {
        var result = await _rest.GetMarketAsync(ticker, ct).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        string? problem = null;
        KalshiSettlement? settlement = null;
        if (result.IsOk)
        {
            (settlement, problem) = Read(ticker, result.Body, now);
        }

        lock (_gate)
        {
            if (settlement is not null || problem is not null || now - watched.CloseTime >= _giveUpAfter)
            {
                _watched.Remove(ticker);
            }
            else
            {
                _watched[ticker] = watched with { NextRead = now + _pollInterval };
            }
        }

        if (settlement is not null)
        {
            MarketSettled?.Invoke(settlement);
        }
        else if (problem is not null)
        {
            MarketUnsettled?.Invoke(ticker, problem);
        }
        else if (now - watched.CloseTime >= _giveUpAfter)
        {
            MarketUnsettled?.Invoke(ticker, $"no result {_giveUpAfter} after the close (last read: {result})");
        }
    }

    /// <summary>The settlement when the market shows yes or no; a problem for any other non-empty result; neither while undecided.</summary>
    private static (KalshiSettlement? Settlement, string? Problem) Read(string ticker, ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("market", out var market) || market.ValueKind != JsonValueKind.Object)
            {
                return (null, "the answer has no 'market' object");
            }

            var status = market.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var text = market.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return text switch
            {
                "yes" => (new KalshiSettlement(ticker, OutcomeSide.Yes, status, now), null),
                "no" => (new KalshiSettlement(ticker, OutcomeSide.No, status, now), null),
                null or "" => (null, null),
                _ => (null, $"result '{text}' is neither yes nor no"),
            };
        }
        catch (JsonException ex)
        {
            return (null, $"the market is not JSON: {ex.Message}");
        }
    }

    private async Task WaitAsync(CancellationToken ct)
    {
        CancellationTokenSource wake;
        DateTimeOffset? next;
        lock (_gate)
        {
            next = _watched.Count == 0 ? null : _watched.Values.Min(w => w.NextRead);
            _waitCancel?.Dispose();
            wake = _waitCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        }

        // Rounded up to whole milliseconds (Task.Delay truncates): a read less than 1 ms ahead must not complete the wait early and
        // leave the loop spinning short of it.
        var delay = next is { } at ? at - _clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
        var wait = Task.Delay(next is null ? Timeout.InfiniteTimeSpan : delay > TimeSpan.Zero ? TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)) : TimeSpan.Zero,
            _clock, wake.Token);
        if (next is { } due)
        {
            WakeScheduled?.Invoke(due); // after the timer exists
        }

        try
        {
            await wait.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Woken by Watch: look again at what is due.
        }
    }

    private sealed record Watched(DateTimeOffset CloseTime, DateTimeOffset NextRead);
}
