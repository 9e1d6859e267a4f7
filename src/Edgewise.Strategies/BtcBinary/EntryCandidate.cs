using Edgewise.Core.Books;
using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary;

/// <summary>A signal that fired: which side to buy at which level, with the edge and the signal's own numbers; Block is set when the signal itself rules the trade out.</summary>
internal sealed record EntryCandidate(
    SignalKind Signal,
    OutcomeSide Side,
    BookLevel? Ask,
    decimal? Edge,
    decimal? Momentum,
    string? FlashCrash = null,
    decimal? FlashDrop = null,
    string? Block = null,
    string? BlockDetail = null);
