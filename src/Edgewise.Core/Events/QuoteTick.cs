using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Events;

/// <summary>Best bid and ask as the venue reports them (Binance bookTicker, Kalshi ticker), with the venue's update id when given.</summary>
public readonly record struct QuoteTick(
    InstrumentId Instrument,
    Price Bid,
    Quantity BidSize,
    Price Ask,
    Quantity AskSize,
    long? UpdateId,
    long TsEvent,
    long TsRecv);
