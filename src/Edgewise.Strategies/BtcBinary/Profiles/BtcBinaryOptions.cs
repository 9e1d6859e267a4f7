// Every parameter of the BTC binary strategy, as one validated record. Profiles (profiles/*.json, read by
// ProfileReader) set them by snake_case key; Validate names the offending key the same way, so an error in a
// profile file and one in code read alike. Durations are TimeSpans; prices, fractions and dollars are decimals.
using System.Globalization;

namespace Edgewise.Strategies.BtcBinary.Profiles;

public sealed record BtcBinaryOptions
{
    /// <summary>Index prints the strategy keeps (one per second): enough for the strike window of a 15-minute market and every lookback.</summary>
    public const int HistorySeconds = 3600;

    /// <summary>series: the Kalshi series traded (KXBTC15M).</summary>
    public string Series { get; init; } = "KXBTC15M";

    /// <summary>evaluation_delay_ms: decisions run once per burst of data, this long after its first change (a row's quote and index together).</summary>
    public TimeSpan EvaluationDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    public IndexInputOptions Index { get; init; } = new();

    public FairValueOptions FairValue { get; init; } = new();

    public DelayArbitrageOptions DelayArbitrage { get; init; } = new();

    public MeanReversionOptions MeanReversion { get; init; } = new();

    public FlashCrashOptions FlashCrash { get; init; } = new();

    public EntryFilterOptions Filters { get; init; } = new();

    public ExitOptions Exits { get; init; } = new();

    public SizingOptions Sizing { get; init; } = new();

    /// <summary>Throws <see cref="InvalidProfileException"/> naming the first key whose value is out of range.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Series), "series", Series, "must not be empty");
        Require(EvaluationDelay > TimeSpan.Zero && EvaluationDelay <= TimeSpan.FromSeconds(5), "evaluation_delay_ms", EvaluationDelay, "must be in (0, 5000] ms");

        Positive(Index.MaxAge, "index.max_age_s");
        Require(Index.LookupTolerance >= TimeSpan.Zero, "index.lookup_tolerance_s", Index.LookupTolerance, "must not be negative");

        Positive(FairValue.VolHalfLife, "fair_value.vol_half_life_s");
        Require(FairValue.VolPriorAnnual is > 0m and <= 10m, "fair_value.vol_prior_annual", FairValue.VolPriorAnnual, "must be in (0, 10]");
        Require(FairValue.VolFloorAnnual is > 0m && FairValue.VolFloorAnnual <= FairValue.VolPriorAnnual, "fair_value.vol_floor_annual", FairValue.VolFloorAnnual, "must be positive and at most vol_prior_annual");
        Require(FairValue.MinEdge is >= 0m and < 1m, "fair_value.min_edge", FairValue.MinEdge, "must be in [0, 1)");

        Positive(DelayArbitrage.MomentumWindow, "delay_arbitrage.momentum_window_s");
        Fraction(DelayArbitrage.MomentumThreshold, "delay_arbitrage.momentum_threshold");

        Fraction(MeanReversion.Upper, "mean_reversion.upper");
        Require(MeanReversion.Lower is > 0m && MeanReversion.Lower < MeanReversion.Upper, "mean_reversion.lower", MeanReversion.Lower, "must be positive and below mean_reversion.upper");
        Positive(MeanReversion.StableWindow, "mean_reversion.stable_window_s");
        Fraction(MeanReversion.StableMaxMove, "mean_reversion.stable_max_move");

        Fraction(FlashCrash.DropFraction, "flash_crash.drop_fraction");
        Positive(FlashCrash.DropWithin, "flash_crash.drop_within_s");
        Positive(FlashCrash.Window, "flash_crash.window_s");
        Positive(FlashCrash.PriorWindow, "flash_crash.prior_window_s");
        Fraction(FlashCrash.InformationalMove, "flash_crash.informational_move");

        Require(Filters.SkipFirst >= TimeSpan.Zero, "filters.skip_first_s", Filters.SkipFirst, "must not be negative");
        Require(Filters.SkipLast >= TimeSpan.Zero, "filters.skip_last_s", Filters.SkipLast, "must not be negative");
        Require(Filters.MinTimeToClose >= TimeSpan.Zero, "filters.min_time_to_close_s", Filters.MinTimeToClose, "must not be negative");
        Fraction(Filters.MaxSpread, "filters.max_spread", allowOne: true);
        Require(Filters.MinDepth >= 0m, "filters.min_depth", Filters.MinDepth, "must not be negative");
        Require(Filters.Cooldown >= TimeSpan.Zero, "filters.cooldown_s", Filters.Cooldown, "must not be negative");
        Positive(Filters.MaxBookAge, "filters.max_book_age_s");

        Require(Enum.IsDefined(Exits.StopLoss), "exits.stop_loss", Exits.StopLoss, "must be none, fixed or adaptive");
        Fraction(Exits.StopLossFraction, "exits.stop_loss_fraction");
        Fraction(Exits.StopLossMin, "exits.stop_loss_min");
        Require(Exits.StopLossMax >= Exits.StopLossMin && Exits.StopLossMax < 1m, "exits.stop_loss_max", Exits.StopLossMax, "must be at least stop_loss_min and below 1");
        Require(Exits.ProfitTarget is null or > 0m, "exits.profit_target", Exits.ProfitTarget, "must be positive");
        Require(Exits.Timeout is null || Exits.Timeout > TimeSpan.Zero, "exits.timeout_s", Exits.Timeout, "must be positive");

        Require(Sizing.BaseStake > 0m, "sizing.base_usd", Sizing.BaseStake, "must be positive");
        Require(Sizing.WinRateStake >= Sizing.BaseStake, "sizing.win_rate_usd", Sizing.WinRateStake, "must be at least base_usd");
        Require(Sizing.StreakStake >= Sizing.BaseStake, "sizing.streak_usd", Sizing.StreakStake, "must be at least base_usd");
        Fraction(Sizing.WinRateAbove, "sizing.win_rate_above");
        Require(Sizing.WinRateMinTrades >= 1, "sizing.win_rate_min_trades", Sizing.WinRateMinTrades, "must be at least 1");
        Require(Sizing.StreakMinWins >= 1, "sizing.streak_min_wins", Sizing.StreakMinWins, "must be at least 1");
        Require(Sizing.MaxContracts >= 1m, "sizing.max_contracts", Sizing.MaxContracts, "must be at least 1");

        var longest = new[]
        {
            DelayArbitrage.MomentumWindow, MeanReversion.StableWindow, FlashCrash.Window + FlashCrash.PriorWindow,
        }.Max() + Index.LookupTolerance;
        Require(longest < TimeSpan.FromSeconds(HistorySeconds / 2), "index.lookup_tolerance_s", Index.LookupTolerance,
            string.Create(CultureInfo.InvariantCulture, $"with the longest lookback window must stay under {HistorySeconds / 2} s"));
    }

    private static void Positive(TimeSpan value, string key) => Require(value > TimeSpan.Zero, key, value, "must be positive");

    private static void Fraction(decimal value, string key, bool allowOne = false) =>
        Require(value > 0m && (allowOne ? value <= 1m : value < 1m), key, value, allowOne ? "must be in (0, 1]" : "must be in (0, 1)");

    private static void Require(bool condition, string key, object? value, string rule)
    {
        if (!condition)
        {
            var shown = value switch
            {
                TimeSpan span => span.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                null => "null",
                _ => value.ToString(),
            };
            throw new InvalidProfileException($"{key} {rule} (got {shown})");
        }
    }
}
