namespace Edgewise.Simulators;

/// <summary>
/// One order a <see cref="SimKalshiServer"/> holds, as its order object shows it: side yes|no, action buy|sell, the limit in the
/// side's own terms, status resting|executed|canceled, and how much has filled. Immutable: the server replaces it as it changes.
/// </summary>
public sealed record SimKalshiOrder(
    string OrderId,
    string ClientOrderId,
    string Ticker,
    string Side,
    string Action,
    decimal Price,
    decimal Count,
    decimal FillCount,
    string Status,
    string TimeInForce,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdateTime,
    decimal FeesPaid)
{
    /// <summary>What is still working on the book (0 unless resting).</summary>
    public decimal RemainingCount => Status == "resting" ? Count - FillCount : 0m;
}
