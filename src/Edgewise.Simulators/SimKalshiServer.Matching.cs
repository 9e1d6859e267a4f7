// The fake Kalshi's matching and account (one user: the client under test). The book holds YES bids and NO bids of other traders
// (SetBook, pushed deltas) plus our resting orders; everything runs under the server lock.
//   buy  YES at p  takes NO bids q >= 1 − p, best (highest q) first, each at YES price 1 − q; rests as a YES bid at p;
//   buy  NO  at p  takes YES bids y >= 1 − p, each at YES price y (NO price 1 − y);             rests as a NO bid at p;
//   sell YES at p  takes YES bids y >= p, at YES price y;                                        rests as a NO bid at 1 − p;
//   sell NO  at p  takes NO bids q >= p, at YES price 1 − q;                                      rests as a YES bid at 1 − p.
// One fill (trade id) per level taken, always as taker, fee = roundup(0.07 × C × P × (1 − P)) to $0.000001 (KalshiFeeModel, the
// plain quadratic series; the balance-precision rounding fee is not modelled). Our own resting size is never matched by our own
// order (self-trade prevention). FOK fills completely or not at all; IOC cancels the rest; GTC rests it. Resting orders are not
// filled by later book changes: a resting remainder waits for a cancel or the close. Money: buying costs price × count + fee,
// selling pays price × count − fee; position is YES-positive (a NO contract is −1, Kalshi's netting). At the close resting orders
// are canceled; once the result is visible the position pays $1 per winning contract and is cleared.
using Edgewise.Core.Fees;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;

namespace Edgewise.Simulators;

public sealed partial class SimKalshiServer
{
    /// <summary>The balance a fake account starts with: $1,250.00.</summary>
    public const decimal StartingBalance = 1250m;

    private static readonly KalshiFeeModel FeeModel = new(KalshiFeeType.Quadratic);

    private readonly Dictionary<string, SimKalshiOrder> _ordersById = new(StringComparer.Ordinal);
    private readonly List<SimKalshiFill> _fillList = [];
    private readonly Dictionary<string, decimal> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _feesPaid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _traded = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ticker, bool Yes, decimal Price), decimal> _ownResting = [];
    private readonly HashSet<string> _settledTickers = new(StringComparer.Ordinal);
    private decimal _balance = StartingBalance;
    private long _orderSequence;
    private long _tradeSequence;

    /// <summary>Every order placed, oldest first, as it stands now.</summary>
    public IReadOnlyList<SimKalshiOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                SettleDue();
                return [.. _ordersById.Values];
            }
        }
    }

    /// <summary>Every fill, oldest first.</summary>
    public IReadOnlyList<SimKalshiFill> Fills
    {
        get
        {
            lock (_gate)
            {
                return [.. _fillList];
            }
        }
    }

    /// <summary>Cash in dollars (settlements that are due included).</summary>
    public decimal Balance
    {
        get
        {
            lock (_gate)
            {
                SettleDue();
                return _balance;
            }
        }
    }

    /// <summary>The position in the market, YES-positive (−3 is three NO contracts); 0 once settled.</summary>
    public decimal PositionOf(string ticker)
    {
        lock (_gate)
        {
            SettleDue();
            return _positions.GetValueOrDefault(ticker);
        }
    }

    /// <summary>Matches <paramref name="order"/> (validated, no id yet) and rests or cancels the rest; call under the lock.</summary>
    private SimKalshiOrder Match(SimKalshiOrder order, DateTimeOffset now, out Activity activity)
    {
        activity = new Activity();
        var id = MarketId($"order/{++_orderSequence}");
        var isYes = order.Side == "yes";
        var isBuy = order.Action == "buy";
        var takeYesBook = isBuy != isYes;
        var threshold = isBuy ? 1m - order.Price : order.Price;
        var book = BookOf(order.Ticker);
        var levels = (takeYesBook ? book.Yes : book.No)
            .Where(l => l.Key >= threshold)
            .Select(l => (Price: l.Key, Available: l.Value - _ownResting.GetValueOrDefault((order.Ticker, takeYesBook, l.Key))))
            .Where(l => l.Available > 0m)
            .OrderByDescending(l => l.Price)
            .ToList();
        var remaining = order.Count;
        var fees = 0m;
        if (order.TimeInForce != "fill_or_kill" || levels.Sum(l => l.Available) >= order.Count)
        {
            foreach (var (price, available) in levels)
            {
                if (remaining == 0m)
                {
                    break;
                }

                var take = Math.Min(available, remaining);
                book.Apply(takeYesBook, price, -take);
                activity.BookChanges.Add((order.Ticker, takeYesBook, price, -take));
                var yesPrice = takeYesBook ? price : 1m - price;
                var sidePrice = isYes ? yesPrice : 1m - yesPrice;
                var fee = TakerFee(sidePrice, take);
                var position = _positions.GetValueOrDefault(order.Ticker) + ((isYes == isBuy) ? take : -take);
                _positions[order.Ticker] = position;
                _balance += isBuy ? -(sidePrice * take) - fee : (sidePrice * take) - fee;
                _feesPaid[order.Ticker] = _feesPaid.GetValueOrDefault(order.Ticker) + fee;
                _traded[order.Ticker] = _traded.GetValueOrDefault(order.Ticker) + (sidePrice * take);
                fees += fee;
                remaining -= take;
                var fill = new SimKalshiFill(MarketId($"trade/{++_tradeSequence}"), id, order.ClientOrderId, order.Ticker, order.Side, order.Action,
                    yesPrice, take, true, fee, position, now);
                _fillList.Add(fill);
                activity.Fills.Add(fill);
            }
        }

        var status = remaining == 0m ? "executed" : order.TimeInForce == "good_till_canceled" ? "resting" : "canceled";
        if (status == "resting")
        {
            var (restYes, restPrice) = RestingLevel(order);
            book.Apply(restYes, restPrice, remaining);
            _ownResting[(order.Ticker, restYes, restPrice)] = _ownResting.GetValueOrDefault((order.Ticker, restYes, restPrice)) + remaining;
            activity.BookChanges.Add((order.Ticker, restYes, restPrice, remaining));
        }

        var placed = order with { OrderId = id, FillCount = order.Count - remaining, Status = status, LastUpdateTime = now, FeesPaid = fees };
        _ordersById[id] = placed;
        activity.Orders.Add(placed);
        Notify();
        return placed;
    }

    /// <summary>Takes a resting order's remainder off the book; call under the lock.</summary>
    private SimKalshiOrder Unrest(SimKalshiOrder order, DateTimeOffset now, out Activity activity)
    {
        activity = new Activity();
        var (restYes, restPrice) = RestingLevel(order);
        var remaining = order.RemainingCount;
        BookOf(order.Ticker).Apply(restYes, restPrice, -remaining);
        var key = (order.Ticker, restYes, restPrice);
        _ownResting[key] = _ownResting.GetValueOrDefault(key) - remaining;
        if (_ownResting[key] <= 0m)
        {
            _ownResting.Remove(key);
        }

        activity.BookChanges.Add((order.Ticker, restYes, restPrice, -remaining));
        var canceled = order with { Status = "canceled", LastUpdateTime = now };
        _ordersById[order.OrderId] = canceled;
        activity.Orders.Add(canceled);
        Notify();
        return canceled;
    }

    /// <summary>Cancels resting orders of markets no longer open and pays out markets whose result is visible; call under the lock.</summary>
    private void SettleDue()
    {
        var now = Now;
        foreach (var order in _ordersById.Values.Where(o => o.Status == "resting").ToList())
        {
            if (_markets.FirstOrDefault(m => m.Ticker == order.Ticker) is not { } market || market.FilterStatus(now) != "open")
            {
                Unrest(order, now, out _); // Kalshi cancels what rests at the close
            }
        }

        foreach (var market in _markets.Where(m => m.IsSettled(now) && !_settledTickers.Contains(m.Ticker)))
        {
            _settledTickers.Add(market.Ticker);
            var position = _positions.GetValueOrDefault(market.Ticker);
            _balance += market.Result == "yes" ? Math.Max(position, 0m) : Math.Max(-position, 0m);
            _positions[market.Ticker] = 0m;
        }
    }

    /// <summary>Where a resting remainder sits: buys as bids of their own side at p, sells as bids of the other side at 1 − p.</summary>
    private static (bool Yes, decimal Price) RestingLevel(SimKalshiOrder order)
    {
        var isYes = order.Side == "yes";
        var isBuy = order.Action == "buy";
        return (isYes == isBuy, isBuy ? order.Price : 1m - order.Price);
    }

    private static decimal TakerFee(decimal price, decimal count) =>
        FeeModel.Fee(Price.FromDecimal(price), Quantity.FromDecimal(count), LiquiditySide.Taker);

    /// <summary>What one create or cancel changed, to push to the WebSocket sessions.</summary>
    internal sealed class Activity
    {
        public List<(string Ticker, bool Yes, decimal Price, decimal Delta)> BookChanges { get; } = [];

        public List<SimKalshiFill> Fills { get; } = [];

        public List<SimKalshiOrder> Orders { get; } = [];
    }
}
