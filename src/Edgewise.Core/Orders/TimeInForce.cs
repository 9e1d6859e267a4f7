namespace Edgewise.Core.Orders;

/// <summary>How long an order may rest.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till canceled: rests until filled or canceled.</summary>
    Gtc = 1,
    /// <summary>Immediate or cancel: fills what it can at once, the rest expires.</summary>
    Ioc = 2,
    /// <summary>Fill or kill: fills completely at once, or not at all.</summary>
    Fok = 3,
}
