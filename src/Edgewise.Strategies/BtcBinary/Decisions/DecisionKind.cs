namespace Edgewise.Strategies.BtcBinary.Decisions;

/// <summary>What a decision record is about.</summary>
public enum DecisionKind : byte
{
    /// <summary>An entry signal fired: an order was sent, or a filter (or the risk engine) blocked it.</summary>
    Entry = 1,

    /// <summary>The market could not be evaluated (no strike, no index, one-sided book); recorded when the reason changes.</summary>
    Skip = 2,

    /// <summary>An exit condition was met: an order was sent, or it could not be.</summary>
    Exit = 3,

    /// <summary>One of the strategy's orders filled (in part).</summary>
    Fill = 4,

    /// <summary>An order ended without filling completely (IOC remainder expired, venue reject, cancel).</summary>
    OrderEnded = 5,

    /// <summary>A position was closed, by exit fills or by settlement, with its P&amp;L after fees.</summary>
    TradeClosed = 6,

    /// <summary>A position held before a restart was taken over as the market's open trade (signal Resumed).</summary>
    Resumed = 7,
}
