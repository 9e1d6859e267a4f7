namespace Edgewise.Strategies.BtcBinary;

/// <summary>
/// The model's YES probability and the market's own mid at one moment a market's YES book changed while it was open,
/// for scoring the model against the result. Either is null when it did not exist then (no strike, one-sided book).
/// </summary>
public readonly record struct FairValuePoint(long TsNs, string Market, decimal? Model, decimal? MarketMid, decimal SecondsToClose);
