// The stake of the next entry, from the strategy's closed trades (sizing section of the profile):
//   no trade yet, or the last trade lost              → base ($10)
//   at least streak_min_wins wins in a row (3)       → streak ($20)
//   win rate above win_rate_above (80%) over at least win_rate_min_trades (5) trades → win-rate stake ($15)
//   otherwise                                          → base
// A trade wins when its P&L after fees is positive; zero counts as a loss. With dynamic sizing off it is always base.
// The risk engine still checks every order, so a stake never takes the run past its limits.
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Strategies.BtcBinary;

public sealed class StakeSizer
{
    private readonly SizingOptions _options;
    private bool _lastLost;

    public StakeSizer(SizingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public int Trades { get; private set; }

    public int Wins { get; private set; }

    public int ConsecutiveWins { get; private set; }

    /// <summary>Dollars for the next entry.</summary>
    public decimal CurrentStake
    {
        get
        {
            if (!_options.Dynamic || Trades == 0 || _lastLost)
            {
                return _options.BaseStake;
            }

            if (ConsecutiveWins >= _options.StreakMinWins)
            {
                return _options.StreakStake;
            }

            return Trades >= _options.WinRateMinTrades && (decimal)Wins / Trades > _options.WinRateAbove
                ? _options.WinRateStake
                : _options.BaseStake;
        }
    }

    /// <summary>Counts a closed trade.</summary>
    public void Record(bool won)
    {
        Trades++;
        if (won)
        {
            Wins++;
            ConsecutiveWins++;
            _lastLost = false;
        }
        else
        {
            ConsecutiveWins = 0;
            _lastLost = true;
        }
    }
}
