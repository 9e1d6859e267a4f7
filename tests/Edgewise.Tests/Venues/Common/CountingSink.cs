using Edgewise.Core.Contracts;
using Edgewise.Core.Events;

namespace Edgewise.Tests.Venues.Common;

/// <summary>A sink that only counts, so allocation tests measure the parser and not the recorder.</summary>
internal sealed class CountingSink : IMarketDataSink
{
    public int Events { get; private set; }

    public void OnBookUpdate(BookUpdate update) => Events++;

    public void OnTrade(in TradeTick trade) => Events++;

    public void OnQuote(in QuoteTick quote) => Events++;

    public void OnBookStatus(in BookStatus status) => Events++;
}
