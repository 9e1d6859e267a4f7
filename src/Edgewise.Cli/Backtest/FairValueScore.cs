namespace Edgewise.Cli.Backtest;

/// <summary>
/// How well the model and the market's own mid forecast the results of a set of markets, scored at the same moments
/// (each YES book change while a market was open and both numbers existed). Lower is better for both scores.
/// </summary>
/// <param name="Markets">Markets with at least one scored moment.</param>
/// <param name="Moments">Moments scored.</param>
/// <param name="Skipped">Moments left out because the model or the mid did not exist then.</param>
/// <param name="ModelBrier">Mean of (p − y)² for the model; null when nothing was scored.</param>
/// <param name="MarketBrier">The same for the mid.</param>
/// <param name="ModelLogLoss">Mean of −(y ln p + (1 − y) ln(1 − p)), p clipped to [ε, 1 − ε].</param>
/// <param name="MarketLogLoss">The same for the mid.</param>
internal sealed record FairValueScore(int Markets, int Moments, int Skipped, decimal? ModelBrier, decimal? MarketBrier, decimal? ModelLogLoss, decimal? MarketLogLoss);
