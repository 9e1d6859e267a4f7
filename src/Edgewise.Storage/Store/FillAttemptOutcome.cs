namespace Edgewise.Storage.Store;

/// <summary>How much of an order that reached a venue was filled by the time it ended.</summary>
public enum FillAttemptOutcome : byte
{
    Filled = 1,
    PartiallyFilled = 2,
    Unfilled = 3,
}
