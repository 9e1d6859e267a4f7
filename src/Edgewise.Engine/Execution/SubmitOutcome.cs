namespace Edgewise.Engine.Execution;

public enum SubmitOutcome : byte
{
    /// <summary>Passed risk and handed to the venue's execution client.</summary>
    Sent = 0,
    /// <summary>Refused by risk; an OrderDenied event follows after the current callback.</summary>
    Denied = 1,
    /// <summary>An order with this client order id already exists; nothing was sent again.</summary>
    Duplicate = 2,
}
