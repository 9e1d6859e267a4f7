using Edgewise.Core.Contracts;
using Edgewise.Venues.Common;

namespace Edgewise.Cli.Record;

/// <summary>
/// One venue of a recording: its name, its symbols (the venue's spelling), and how to build its data client around a
/// downstream sink, a recorder and a clock (the options are already validated when this exists).
/// </summary>
internal sealed record RecordVenue(string Name, IReadOnlyList<string> Symbols, Func<IMarketDataSink, IFrameSink, TimeProvider, IFeed> CreateClient);
