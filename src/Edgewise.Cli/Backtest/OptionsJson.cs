// Writes every effective option of a run (profile values, and defaults where the profile left a key out) under the
// profile's own snake_case keys, plus the risk limits, so summary.json alone says what was run.
using System.Text.Json;
using Edgewise.Strategies.BtcBinary.Profiles;
using static Edgewise.Cli.Backtest.BacktestFormat;

namespace Edgewise.Cli.Backtest;

internal static class OptionsJson
{
    public static void Write(Utf8JsonWriter json, BtcBinaryProfile profile)
    {
        var o = profile.Options;
        json.WriteStartObject("options");
        json.WriteString("series", o.Series);
        json.WriteString("evaluation_delay_ms", Number((decimal)o.EvaluationDelay.Ticks / TimeSpan.TicksPerMillisecond));
        Section(json, "index", ("max_age_s", Seconds(o.Index.MaxAge)), ("lookup_tolerance_s", Seconds(o.Index.LookupTolerance)));
        Section(json, "fair_value",
            ("vol_half_life_s", Seconds(o.FairValue.VolHalfLife)),
            ("vol_prior_annual", Number(o.FairValue.VolPriorAnnual)),
            ("vol_floor_annual", Number(o.FairValue.VolFloorAnnual)),
            ("min_edge", Number(o.FairValue.MinEdge)));
        Section(json, "delay_arbitrage",
            ("enabled", Flag(o.DelayArbitrage.Enabled)),
            ("momentum_window_s", Seconds(o.DelayArbitrage.MomentumWindow)),
            ("momentum_threshold", Number(o.DelayArbitrage.MomentumThreshold)));
        Section(json, "mean_reversion",
            ("enabled", Flag(o.MeanReversion.Enabled)),
            ("upper", Number(o.MeanReversion.Upper)),
            ("lower", Number(o.MeanReversion.Lower)),
            ("stable_window_s", Seconds(o.MeanReversion.StableWindow)),
            ("stable_max_move", Number(o.MeanReversion.StableMaxMove)));
        Section(json, "flash_crash",
            ("enabled", Flag(o.FlashCrash.Enabled)),
            ("drop_fraction", Number(o.FlashCrash.DropFraction)),
            ("drop_within_s", Seconds(o.FlashCrash.DropWithin)),
            ("window_s", Seconds(o.FlashCrash.Window)),
            ("prior_window_s", Seconds(o.FlashCrash.PriorWindow)),
            ("informational_move", Number(o.FlashCrash.InformationalMove)));
        Section(json, "filters",
            ("skip_first_s", Seconds(o.Filters.SkipFirst)),
            ("skip_last_s", Seconds(o.Filters.SkipLast)),
            ("min_time_to_close_s", Seconds(o.Filters.MinTimeToClose)),
            ("max_spread", Number(o.Filters.MaxSpread)),
            ("min_depth", Number(o.Filters.MinDepth)),
            ("cooldown_s", Seconds(o.Filters.Cooldown)),
            ("max_book_age_s", Seconds(o.Filters.MaxBookAge)));
        Section(json, "exits",
            ("hold_to_settlement", Flag(o.Exits.HoldToSettlement)),
            ("stop_loss", ProfileReader.ToText(o.Exits.StopLoss)),
            ("stop_loss_fraction", Number(o.Exits.StopLossFraction)),
            ("stop_loss_min", Number(o.Exits.StopLossMin)),
            ("stop_loss_max", Number(o.Exits.StopLossMax)),
            ("profit_target", o.Exits.ProfitTarget is { } target ? Number(target) : "none"),
            ("timeout_s", o.Exits.Timeout is { } timeout ? Seconds(timeout) : "none"));
        Section(json, "sizing",
            ("base_usd", Number(o.Sizing.BaseStake)),
            ("dynamic", Flag(o.Sizing.Dynamic)),
            ("win_rate_usd", Number(o.Sizing.WinRateStake)),
            ("win_rate_above", Number(o.Sizing.WinRateAbove)),
            ("win_rate_min_trades", Number(o.Sizing.WinRateMinTrades)),
            ("streak_usd", Number(o.Sizing.StreakStake)),
            ("streak_min_wins", Number(o.Sizing.StreakMinWins)),
            ("max_contracts", Number(o.Sizing.MaxContracts)));
        var r = profile.Risk;
        Section(json, "risk",
            ("max_order_contracts", Optional(r.MaxOrderQuantity)),
            ("max_notional_per_market_usd", Optional(r.MaxNotionalPerEvent)),
            ("max_notional_total_usd", Optional(r.MaxNotionalTotal)),
            ("max_daily_loss_usd", Optional(r.MaxDailyLoss)),
            ("max_consecutive_losses", r.MaxConsecutiveLosses is { } losses ? Number(losses) : "none"),
            ("max_orders_per_minute", r.MaxOrdersPerWindow is { } orders ? Number(orders) : "none"));
        json.WriteEndObject();
    }

    private static void Section(Utf8JsonWriter json, string name, params (string Key, string Value)[] values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Optional(decimal? value) => value is { } v ? Number(v) : "none";
}
