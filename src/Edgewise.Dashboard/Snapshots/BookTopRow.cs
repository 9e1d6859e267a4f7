using Edgewise.Core.Books;

namespace Edgewise.Dashboard.Snapshots;

/// <summary>
/// The best bid and ask of one instrument's book, its health, and how old its last change is: AgeMs is the engine clock
/// at the snapshot minus the local receive time of the last applied change (null before any change).
/// </summary>
public sealed record BookTopRow(
    string Instrument,
    BookHealth Health,
    decimal? BidPrice,
    decimal? BidSize,
    decimal? AskPrice,
    decimal? AskSize,
    decimal? Mid,
    decimal? Spread,
    DateTimeOffset? LastUpdate,
    long? AgeMs,
    decimal? LastTradePrice);
