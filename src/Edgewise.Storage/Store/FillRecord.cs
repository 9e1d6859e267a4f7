using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Storage.Store;

/// <summary>
/// One execution of one of our orders. The natural key is (venue, symbol, trade id, client order id): venues number
/// trades per symbol (Coinbase, Binance), and the same venue trade can fill two of our orders (a self-cross), but a
/// replayed fill for the same order is the same row and is ignored.
/// </summary>
public sealed record FillRecord(
    long RunId,
    InstrumentId Instrument,
    string TradeId,
    string ClientOrderId,
    string StrategyId,
    OrderSide Side,
    Price Price,
    Quantity Quantity,
    LiquiditySide Liquidity,
    decimal Fee,
    long TsEvent,
    long TsRecv) : StoreRecord
{
    internal override int EstimatedBytes => 128 + TextBytes(TradeId) + TextBytes(ClientOrderId) + TextBytes(StrategyId);

    public static FillRecord From(long runId, Order order, in Fill fill, long tsRecv)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new FillRecord(runId, order.Instrument, fill.TradeId, order.ClientOrderId, order.StrategyId, order.Side,
            fill.Price, fill.Quantity, fill.Liquidity, fill.Fee, fill.TsEvent, tsRecv);
    }
}
