namespace Edgewise.Venues.Kalshi;

/// <summary>How a Kalshi REST request ended, as far as the caller's next step goes (FACTS §5.3, §5.7).</summary>
public enum KalshiRestOutcome : byte
{
    /// <summary>2xx with a body within the size limit.</summary>
    Ok = 0,

    /// <summary>429: over the token budget. Kalshi sends no Retry-After, so the caller backs off by its own policy.</summary>
    RateLimited = 1,

    /// <summary>Worth retrying as is: 5xx, 408, timeouts, network errors.</summary>
    Retryable = 2,

    /// <summary>Another 4xx: Kalshi refused this request (bad parameter, unknown market); its error body says why. Retrying will not help.</summary>
    Rejected = 3,

    /// <summary>401 or 403, or credentials needed and not configured: the key, its signature or its permissions are wrong.</summary>
    AuthFailed = 4,

    /// <summary>Nothing usable came back and retrying will not change that (an oversized body, an unexpected status).</summary>
    Fatal = 5,
}
