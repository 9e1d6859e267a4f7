namespace Edgewise.Engine.Execution;

public enum CancelOutcome : byte
{
    /// <summary>The cancel was handed to the venue's execution client; an OrderCanceled (or a fill) follows.</summary>
    Sent = 0,
    UnknownOrder = 1,
    /// <summary>The order is already terminal.</summary>
    NotOpen = 2,
    /// <summary>A cancel for this order was already sent and not yet answered; not sent again.</summary>
    AlreadyRequested = 3,
}
