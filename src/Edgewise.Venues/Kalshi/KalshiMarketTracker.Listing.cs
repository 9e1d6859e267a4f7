// How a KalshiMarketTracker learns its series: the series' fee schedule once (GET /series/{s}: fee_type, fee_multiplier; the
// provider's built-in schedule stays when it cannot be read), and its open and unopened markets on every listing (GET /markets,
// cursor paging). A market object that cannot be read (no close time, a bad grid) is skipped and named in LastError; a failed
// page fails the whole listing, so a partial list never looks like the whole series.
using System.Text.Json;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiMarketTracker
{
    private static readonly string[] ListedStatuses = ["open", "unopened"];

    private long _listings;
    private long _listingFailures;
    private volatile string? _lastError;

    /// <summary>Successful listings of the series.</summary>
    public long Listings => Interlocked.Read(ref _listings);

    public long ListingFailures => Interlocked.Read(ref _listingFailures);

    /// <summary>The last listing or market-reading problem; null when none yet.</summary>
    public string? LastError => _lastError;

    private async Task LoadSeriesFeesAsync(CancellationToken ct)
    {
        var result = await _rest.GetSeriesAsync(_options.SeriesTicker, ct).ConfigureAwait(false);
        if (!result.IsOk)
        {
            _lastError = $"series {_options.SeriesTicker} fees not loaded ({result.Error}); using the built-in schedule";
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(result.Body);
            var series = document.RootElement.TryGetProperty("series", out var inner) ? inner : document.RootElement;
            if (series.TryGetProperty("fee_type", out var type) && type.ValueKind == JsonValueKind.String
                && series.TryGetProperty("fee_multiplier", out var multiplier) && multiplier.ValueKind == JsonValueKind.Number)
            {
                _instruments.SetSeriesFees(_options.SeriesTicker, type.GetString()!, multiplier.GetDecimal());
            }
            else
            {
                _lastError = $"series {_options.SeriesTicker} has no fee_type/fee_multiplier; using the built-in schedule";
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException)
        {
            _lastError = $"series {_options.SeriesTicker} fees not readable ({ex.Message}); using the built-in schedule";
        }
    }

    /// <summary>Every open and unopened market of the series, or null when a page could not be fetched.</summary>
    private async Task<List<KalshiMarket>?> ListMarketsAsync(CancellationToken ct)
    {
        var markets = new List<KalshiMarket>();
        foreach (var status in ListedStatuses)
        {
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await _rest.GetMarketsAsync(_options.SeriesTicker, status, cursor, _options.PageSize, ct).ConfigureAwait(false);
                if (!page.IsOk)
                {
                    Interlocked.Increment(ref _listingFailures);
                    _lastError = $"listing {_options.SeriesTicker} markets failed: {page.Error}";
                    return null;
                }

                foreach (var read in _instruments.FromMarketsJson(page.Body.Span))
                {
                    if (read.Market is { } market)
                    {
                        markets.Add(market);
                    }
                    else
                    {
                        _lastError = $"market {read.Ticker ?? "(no ticker)"} of {_options.SeriesTicker} skipped: {read.Error}";
                    }
                }

                cursor = page.ReadCursor();
            }
            while (cursor is not null && ++pages < _options.MaxPages);
        }

        Interlocked.Increment(ref _listings);
        return markets;
    }

    /// <summary>Replaces the known windows with the listing: markets still open at <paramref name="now"/>, grouped by close time.</summary>
    private void Merge(List<KalshiMarket> listed, DateTimeOffset now)
    {
        var windows = listed
            .Where(m => m.Contract.CloseTime > now && _include(m))
            .DistinctBy(m => m.Contract.Id.Symbol, StringComparer.Ordinal)
            .GroupBy(m => m.Contract.CloseTime)
            .OrderBy(g => g.Key)
            .Select(g => new Window(g.Key, g.Min(m => m.Contract.OpenTime), [.. g.OrderBy(m => m.Contract.Id.Symbol, StringComparer.Ordinal)]))
            .ToList();
        lock (_gate)
        {
            _windows = windows;
        }
    }
}
