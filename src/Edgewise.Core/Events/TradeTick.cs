using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Core.Events;

/// <summary>A public trade. <paramref name="TradeId"/> is the venue's numeric id, or 0 where the venue has none.</summary>
public readonly record struct TradeTick(
    InstrumentId Instrument,
    Price Price,
    Quantity Size,
    OrderSide Aggressor,
    long TradeId,
    long TsEvent,
    long TsRecv);
