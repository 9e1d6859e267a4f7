namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>Profile section "mean_reversion": fade an extreme YES price while BTC is calm.</summary>
public sealed record MeanReversionOptions
{
    public bool Enabled { get; init; }

    /// <summary>mean_reversion.upper: a YES mid above this is faded by buying NO.</summary>
    public decimal Upper { get; init; } = 0.80m;

    /// <summary>mean_reversion.lower: a YES mid below this is faded by buying YES.</summary>
    public decimal Lower { get; init; } = 0.20m;

    /// <summary>mean_reversion.stable_window_s: BTC's move is measured over this window.</summary>
    public TimeSpan StableWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>mean_reversion.stable_max_move: BTC counts as stable while |move| is below this.</summary>
    public decimal StableMaxMove { get; init; } = 0.0005m;
}
