// GETs for venue REST endpoints (book snapshots), returning a typed RestResult instead of throwing for the
// failures a venue produces: timeouts and network errors and 5xx are retryable, 429/418 are retryable after the
// venue's Retry-After (Binance: 429 = back off, 418 = IP banned for a while), other 4xx are fatal. The timeout is
// a CancellationTokenSource on the feed's clock, and bodies are read up to a size limit. Cancellation of the
// caller's token is the only exception that escapes.
using System.Net;

namespace Edgewise.Venues.Common;

public sealed class RestFetcher
{
    private const int ErrorTextChars = 200;

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly int _maxBytes;

    public RestFetcher(HttpClient http, TimeProvider clock, TimeSpan timeout, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _http = http;
        _clock = clock;
        _timeout = timeout;
        _maxBytes = maxBytes;
    }

    public async Task<RestResult> GetAsync(Uri uri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        using var timeout = new CancellationTokenSource(_timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
                return body is { } ok
                    ? RestResult.Ok(status, ok)
                    : RestResult.Fatal(status, $"response from {uri.AbsolutePath} exceeds {_maxBytes} bytes");
            }

            var text = await ReadErrorTextAsync(response.Content, linked.Token).ConfigureAwait(false);
            var error = $"HTTP {status} from {uri.AbsolutePath}: {text}";
            if (response.StatusCode is HttpStatusCode.TooManyRequests || status == 418)
            {
                return RestResult.Retryable(status, error, RetryAfter(response));
            }

            return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
                ? RestResult.Retryable(status, error)
                : RestResult.Fatal(status, error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return RestResult.Retryable(0, $"GET {uri.AbsolutePath} timed out after {_timeout}");
        }
        catch (HttpRequestException ex)
        {
            return RestResult.Retryable(0, $"GET {uri.AbsolutePath} failed: {ex.Message}");
        }
        catch (IOException ex)
        {
            return RestResult.Retryable(0, $"GET {uri.AbsolutePath} failed while reading: {ex.Message}");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The body, or null when it is longer than the limit (read no further than one byte past it).</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } length && length > _maxBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(content.Headers.ContentLength ?? 64 * 1024, _maxBytes) + 1];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > _maxBytes)
                    {
                        return null;
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)_maxBytes + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsMemory(0, total);
                }

                total += read;
                if (total > _maxBytes)
                {
                    return null;
                }
            }
        }
    }

    /// <summary>The start of an error body, for the error text (an error page can be large; the rest is not read).</summary>
    private static async Task<string> ReadErrorTextAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ErrorTextChars];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}
