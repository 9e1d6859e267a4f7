// Reads a profile file (profiles/<name>.json) into a BtcBinaryProfile: the strategy options, validated, and the
// engine risk limits. Keys are snake_case and grouped as in the options records; an absent key keeps the option's
// default (the run's summary prints every effective value), an unknown key, a wrong type or an out-of-range value
// is an InvalidProfileException whose message names the file and the dotted key.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edgewise.Engine.Risk;

namespace Edgewise.Strategies.BtcBinary.Profiles;

public static class ProfileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and validates the profile at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidProfileException">The content is not a valid profile.</exception>
    public static BtcBinaryProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"profile file not found: {path}", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses profile bytes; <paramref name="source"/> names them in error messages.</summary>
    public static BtcBinaryProfile Parse(byte[] utf8, string source)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(source);
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidProfileException($"{source}: not UTF-8 text", ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidProfileException($"{source}: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = JsonSection.Root(document.RootElement, source);
            var name = root.RequiredString("name");
            var description = root.RequiredString("description");
            var options = ReadOptions(root);
            var risk = ReadRisk(root.Section("risk"));
            root.EnsureNoUnknownKeys();
            try
            {
                options.Validate();
            }
            catch (InvalidProfileException ex)
            {
                throw new InvalidProfileException($"{source}: {ex.Message}", ex);
            }

            return new BtcBinaryProfile(name, description, Convert.ToHexStringLower(SHA256.HashData(utf8)), source, options, risk);
        }
    }

    private static BtcBinaryOptions ReadOptions(JsonSection root)
    {
        var d = new BtcBinaryOptions();
        return new BtcBinaryOptions
        {
            Series = root.String("series", d.Series),
            EvaluationDelay = root.Milliseconds("evaluation_delay_ms", d.EvaluationDelay),
            Index = Read(root.Section("index"), d.Index, static (s, o) => new IndexInputOptions
            {
                MaxAge = s.Seconds("max_age_s", o.MaxAge),
                LookupTolerance = s.Seconds("lookup_tolerance_s", o.LookupTolerance),
            }),
            FairValue = Read(root.Section("fair_value"), d.FairValue, static (s, o) => new FairValueOptions
            {
                VolHalfLife = s.Seconds("vol_half_life_s", o.VolHalfLife),
                VolPriorAnnual = s.Decimal("vol_prior_annual", o.VolPriorAnnual),
                VolFloorAnnual = s.Decimal("vol_floor_annual", o.VolFloorAnnual),
                MinEdge = s.Decimal("min_edge", o.MinEdge),
            }),
            DelayArbitrage = Read(root.Section("delay_arbitrage"), d.DelayArbitrage, static (s, o) => new DelayArbitrageOptions
            {
                Enabled = s.Bool("enabled", o.Enabled),
                MomentumWindow = s.Seconds("momentum_window_s", o.MomentumWindow),
                MomentumThreshold = s.Decimal("momentum_threshold", o.MomentumThreshold),
            }),
            MeanReversion = Read(root.Section("mean_reversion"), d.MeanReversion, static (s, o) => new MeanReversionOptions
            {
                Enabled = s.Bool("enabled", o.Enabled),
                Upper = s.Decimal("upper", o.Upper),
                Lower = s.Decimal("lower", o.Lower),
                StableWindow = s.Seconds("stable_window_s", o.StableWindow),
                StableMaxMove = s.Decimal("stable_max_move", o.StableMaxMove),
            }),
            FlashCrash = Read(root.Section("flash_crash"), d.FlashCrash, static (s, o) => new FlashCrashOptions
            {
                Enabled = s.Bool("enabled", o.Enabled),
                DropFraction = s.Decimal("drop_fraction", o.DropFraction),
                DropWithin = s.Seconds("drop_within_s", o.DropWithin),
                Window = s.Seconds("window_s", o.Window),
                PriorWindow = s.Seconds("prior_window_s", o.PriorWindow),
                InformationalMove = s.Decimal("informational_move", o.InformationalMove),
            }),
            Filters = Read(root.Section("filters"), d.Filters, static (s, o) => new EntryFilterOptions
            {
                SkipFirst = s.Seconds("skip_first_s", o.SkipFirst),
                SkipLast = s.Seconds("skip_last_s", o.SkipLast),
                MinTimeToClose = s.Seconds("min_time_to_close_s", o.MinTimeToClose),
                MaxSpread = s.Decimal("max_spread", o.MaxSpread),
                MinDepth = s.Decimal("min_depth", o.MinDepth),
                Cooldown = s.Seconds("cooldown_s", o.Cooldown),
                MaxBookAge = s.Seconds("max_book_age_s", o.MaxBookAge),
            }),
            Exits = Read(root.Section("exits"), d.Exits, static (s, o) => new ExitOptions
            {
                HoldToSettlement = s.Bool("hold_to_settlement", o.HoldToSettlement),
                StopLoss = StopLoss(s, o.StopLoss),
                StopLossFraction = s.Decimal("stop_loss_fraction", o.StopLossFraction),
                StopLossMin = s.Decimal("stop_loss_min", o.StopLossMin),
                StopLossMax = s.Decimal("stop_loss_max", o.StopLossMax),
                ProfitTarget = s.NullableDecimal("profit_target", o.ProfitTarget),
                Timeout = s.NullableSeconds("timeout_s", o.Timeout),
            }),
            Sizing = Read(root.Section("sizing"), d.Sizing, static (s, o) => new SizingOptions
            {
                BaseStake = s.Decimal("base_usd", o.BaseStake),
                Dynamic = s.Bool("dynamic", o.Dynamic),
                WinRateStake = s.Decimal("win_rate_usd", o.WinRateStake),
                WinRateAbove = s.Decimal("win_rate_above", o.WinRateAbove),
                WinRateMinTrades = s.Int("win_rate_min_trades", o.WinRateMinTrades),
                StreakStake = s.Decimal("streak_usd", o.StreakStake),
                StreakMinWins = s.Int("streak_min_wins", o.StreakMinWins),
                MaxContracts = s.Decimal("max_contracts", o.MaxContracts),
            }),
        };
    }

    private static T Read<T>(JsonSection? section, T defaults, Func<JsonSection, T, T> read)
    {
        if (section is null)
        {
            return defaults;
        }

        var value = read(section, defaults);
        section.EnsureNoUnknownKeys();
        return value;
    }

    private static StopLossMode StopLoss(JsonSection section, StopLossMode fallback) =>
        section.String("stop_loss", ToText(fallback)) switch
        {
            "none" => StopLossMode.None,
            "fixed" => StopLossMode.Fixed,
            "adaptive" => StopLossMode.Adaptive,
            var other => throw section.Error($"exits.stop_loss must be \"none\", \"fixed\" or \"adaptive\" (got \"{other}\")"),
        };

    /// <summary>The profile text for a stop-loss mode.</summary>
    public static string ToText(StopLossMode mode) => mode switch
    {
        StopLossMode.None => "none",
        StopLossMode.Fixed => "fixed",
        StopLossMode.Adaptive => "adaptive",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown stop-loss mode."),
    };

    private static RiskLimits ReadRisk(JsonSection? section)
    {
        if (section is null)
        {
            return new RiskLimits();
        }

        const int Absent = int.MinValue;
        var ordersPerMinute = section.Int("max_orders_per_minute", Absent);
        var consecutiveLosses = section.Int("max_consecutive_losses", Absent);
        if (ordersPerMinute != Absent && ordersPerMinute <= 0)
        {
            throw section.Error("risk.max_orders_per_minute must be positive (or absent for no limit)");
        }

        if (consecutiveLosses != Absent && consecutiveLosses < 0)
        {
            throw section.Error("risk.max_consecutive_losses must not be negative (or absent for no limit)");
        }

        var limits = new RiskLimits
        {
            MaxOrderQuantity = PositiveOrAbsent(section, "max_order_contracts"),
            MaxNotionalPerEvent = PositiveOrAbsent(section, "max_notional_per_market_usd"),
            MaxNotionalTotal = PositiveOrAbsent(section, "max_notional_total_usd"),
            MaxDailyLoss = PositiveOrAbsent(section, "max_daily_loss_usd"),
            MaxConsecutiveLosses = consecutiveLosses != Absent ? consecutiveLosses : null,
            MaxOrdersPerWindow = ordersPerMinute != Absent ? ordersPerMinute : null,
            OrderRateWindow = TimeSpan.FromMinutes(1),
        };
        section.EnsureNoUnknownKeys();
        limits.EnsureValid();
        return limits;
    }

    private static decimal? PositiveOrAbsent(JsonSection section, string key)
    {
        var value = section.NullableDecimal(key, null);
        if (value is <= 0m)
        {
            throw section.Error($"risk.{key} must be positive (or absent for no limit)");
        }

        return value;
    }
}
