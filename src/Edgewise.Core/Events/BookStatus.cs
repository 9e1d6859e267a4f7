using Edgewise.Core.Books;
using Edgewise.Core.Instruments;

namespace Edgewise.Core.Events;

/// <summary>
/// A venue data client's verdict on a book: healthy after a valid snapshot, or unhealthy (gap, checksum,
/// staleness) until it resyncs. <paramref name="Reason"/> is a short constant text, for logs and the dashboard.
/// </summary>
public readonly record struct BookStatus(InstrumentId Instrument, BookHealth Health, string Reason, long TsRecv);
