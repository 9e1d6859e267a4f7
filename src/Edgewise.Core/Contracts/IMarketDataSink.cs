using Edgewise.Core.Events;

namespace Edgewise.Core.Contracts;

/// <summary>
/// Receives normalized market data from a venue parser, synchronously, on the parser's thread.
/// Arguments are only valid during the call (the parser reuses them), which keeps parsing allocation-free.
/// </summary>
public interface IMarketDataSink
{
    void OnBookUpdate(BookUpdate update);

    void OnTrade(in TradeTick trade);

    void OnQuote(in QuoteTick quote);

    /// <summary>A book became healthy or unhealthy (gap, checksum failure, staleness); strategies must not trade it while unhealthy.</summary>
    void OnBookStatus(in BookStatus status);
}
