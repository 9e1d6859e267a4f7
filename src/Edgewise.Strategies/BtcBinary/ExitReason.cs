namespace Edgewise.Strategies.BtcBinary;

/// <summary>Why a position was closed.</summary>
public enum ExitReason : byte
{
    StopLoss = 1,
    ProfitTarget = 2,
    Timeout = 3,

    /// <summary>Held to the close and paid out by the market's result.</summary>
    Settlement = 4,
}
