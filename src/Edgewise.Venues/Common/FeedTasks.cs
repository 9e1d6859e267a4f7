namespace Edgewise.Venues.Common;

/// <summary>Runs the loops of one data client (its connection and its snapshot fetcher) as one unit.</summary>
internal static class FeedTasks
{
    /// <summary>
    /// Runs both loops until <paramref name="ct"/> is canceled. Neither should end before that; if one does (a bug),
    /// the other is stopped too and the failure is rethrown, so a supervisor restarts the whole client rather
    /// than leaving half of it running (a connection whose books can never resync).
    /// </summary>
    public static async Task RunTogetherAsync(Func<CancellationToken, Task> first, Func<CancellationToken, Task> second, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var a = first(stop.Token);
        var b = second(stop.Token);
        await Task.WhenAny(a, b).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(a, b).ConfigureAwait(false);
        if (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException("A feed loop ended before the feed was stopped.");
        }
    }
}
