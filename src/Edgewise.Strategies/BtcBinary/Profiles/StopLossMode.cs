namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>How the stop-loss distance is set (profile key exits.stop_loss).</summary>
public enum StopLossMode : byte
{
    /// <summary>"none": no stop.</summary>
    None = 0,

    /// <summary>"fixed": exits.stop_loss_fraction of the entry price.</summary>
    Fixed = 1,

    /// <summary>"adaptive": stop_loss_fraction × (current BTC vol / prior vol), clamped to [stop_loss_min, stop_loss_max].</summary>
    Adaptive = 2,
}
