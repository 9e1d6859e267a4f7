namespace Edgewise.Core.Contracts;

/// <summary>What a parser made of one frame. Malformed frames are counted and skipped, never thrown.</summary>
public enum ParseOutcome : byte
{
    /// <summary>Market data was emitted to the sink.</summary>
    Data = 0,
    /// <summary>A well-formed frame with nothing for the book or tape (acks, heartbeats, pongs).</summary>
    Control = 1,
    /// <summary>Valid JSON of a kind this parser does not handle.</summary>
    Ignored = 2,
    /// <summary>Not valid for this venue: bad JSON, missing or bad fields, off-scale numbers.</summary>
    Malformed = 3,
}
