namespace Edgewise.Engine.Risk;

/// <summary>What new orders the risk engine lets through. Cancels are always allowed.</summary>
public enum TradingState : byte
{
    /// <summary>Every order that passes the checks.</summary>
    Active = 0,
    /// <summary>Only orders that reduce an open position (never open, add or flip).</summary>
    Reducing = 1,
    /// <summary>Kill switch: no new orders at all.</summary>
    Halted = 2,
}
