namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "filters": conditions every entry must meet, whatever the signal.</summary>
public sealed record EntryFilterOptions
{
    /// <summary>filters.skip_first_s: no entry in the market's first seconds.</summary>
    public TimeSpan SkipFirst { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>filters.skip_last_s: no entry in the market's last seconds.</summary>
    public TimeSpan SkipLast { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>filters.min_time_to_close_s: no entry with less than this left.</summary>
    public TimeSpan MinTimeToClose { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>filters.max_spread: YES ask − YES bid must not exceed this ($).</summary>
    public decimal MaxSpread { get; init; } = 0.05m;

    /// <summary>filters.min_depth: contracts needed at the price we would take.</summary>
    public decimal MinDepth { get; init; } = 50m;

    /// <summary>filters.cooldown_s: no new entry in a market this soon after the last one.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>filters.max_book_age_s: a book not updated for longer blocks entries (book_stale).</summary>
    public TimeSpan MaxBookAge { get; init; } = TimeSpan.FromSeconds(10);
}
