namespace Edgewise.Venues.Common;

/// <summary>How a REST request ended, as far as retrying it goes.</summary>
public enum RestOutcome : byte
{
    /// <summary>2xx with a body within the size limit.</summary>
    Ok = 0,
    /// <summary>Worth retrying: timeouts, network errors, 5xx, 408, and rate limits (429, 418 with Retry-After).</summary>
    Retryable = 1,
    /// <summary>Retrying the same request will not help (other 4xx, an oversized body): a configuration or venue problem.</summary>
    Fatal = 2,
}
