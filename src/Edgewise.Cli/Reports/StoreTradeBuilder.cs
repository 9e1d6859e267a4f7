// Rebuilds round trips from what the store keeps: fills (side, price, quantity, fee, strategy) and the ledger's
// settlement payouts and funding per instrument. A trade opens with a fill from flat, grows with fills the same way,
// and ends when the position is back to flat: by an opposite fill ("closing order") or a settlement payout
// ("settlement"). A fill larger than the holding closes the trade and opens the other way with the remainder; its fee
// is split by quantity. Positions are per instrument across strategies (as in Portfolio), so a trade belongs to the
// strategy whose fill opened it. Cash follows Portfolio exactly: -signed quantity × price × multiplier, minus fees,
// plus payouts and funding, so a closed trade's P&L is what the portfolio booked for it. Events are taken in time
// order; at the same instant fills come before ledger payouts (a settlement ends what was traded up to it).
using Edgewise.Core.Instruments;
using Edgewise.Core.Orders;
using Edgewise.Core.Portfolio;
using Edgewise.Storage.Store;

namespace Edgewise.Cli.Reports;

internal sealed class StoreTradeBuilder
{
    public const string ClosingOrder = "closing order (reason not recorded)";
    public const string Settlement = "settlement";
    public const string Open = "open";

    private readonly IReadOnlyDictionary<InstrumentId, decimal> _multipliers;
    private readonly Dictionary<InstrumentId, OpenTrade> _open = [];
    private readonly List<OpenTrade> _all = [];

    private StoreTradeBuilder(IReadOnlyDictionary<InstrumentId, decimal> multipliers) => _multipliers = multipliers;

    /// <summary>Payouts booked for an instrument with no trade open in the fills (a position carried in from elsewhere).</summary>
    public int UnmatchedPayouts { get; private set; }

    /// <summary>Funding booked while no trade was open on its instrument (not in any trade's P&amp;L).</summary>
    public decimal UnattributedFunding { get; private set; }

    public static StoreTradeBuilder Build(IReadOnlyList<FillRecord> fills, IReadOnlyList<LedgerEntryRecord> ledger, IReadOnlyList<PositionRecord> positions)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(positions);
        var builder = new StoreTradeBuilder(positions.ToDictionary(static p => p.Instrument, static p => p.Multiplier));
        var events = fills.Select(static f => (Ts: f.TsEvent, Fill: (FillRecord?)f, Entry: (LedgerEntry?)null))
            .Concat(ledger
                .Where(static e => e.Entry.Instrument is not null && e.Entry.Kind is LedgerEntryKind.SettlementPayout or LedgerEntryKind.Funding)
                .Select(static e => (Ts: e.Entry.Ts, Fill: (FillRecord?)null, Entry: (LedgerEntry?)e.Entry)))
            .OrderBy(static e => e.Ts); // stable: fills (in recorded order) before ledger entries at the same instant
        foreach (var (_, fill, entry) in events)
        {
            if (fill is not null)
            {
                builder.OnFill(fill);
            }
            else
            {
                builder.OnLedger(entry!.Value);
            }
        }

        return builder;
    }

    public IReadOnlyList<ReportTrade> Trades() => _all.Select(static t => t.ToReport()).ToList();

    private void OnFill(FillRecord fill)
    {
        var quantity = fill.Quantity.ToDecimal();
        var price = fill.Price.ToDecimal();
        var sign = fill.Side == OrderSide.Buy ? 1 : -1;
        var multiplier = _multipliers.GetValueOrDefault(fill.Instrument, 1m);
        if (!_open.TryGetValue(fill.Instrument, out var trade))
        {
            Start(fill, sign, quantity, price, fill.Fee, multiplier);
            return;
        }

        if (sign == trade.Direction)
        {
            trade.Add(quantity, price, fill.Fee, multiplier);
            return;
        }

        var closing = Math.Min(quantity, trade.Held);
        var closingFee = closing == quantity ? fill.Fee : fill.Fee * closing / quantity;
        trade.Reduce(closing, price, closingFee, multiplier);
        if (trade.Held == 0m)
        {
            trade.Close(fill.TsEvent, ClosingOrder);
            _open.Remove(fill.Instrument);
        }

        if (closing < quantity)
        {
            Start(fill, sign, quantity - closing, price, fill.Fee - closingFee, multiplier);
        }
    }

    private void OnLedger(LedgerEntry entry)
    {
        var instrument = entry.Instrument!;
        var open = _open.TryGetValue(instrument, out var trade);
        if (entry.Kind == LedgerEntryKind.Funding)
        {
            if (open)
            {
                trade!.Cash += entry.Amount;
            }
            else
            {
                UnattributedFunding += entry.Amount;
            }

            return;
        }

        if (!open)
        {
            UnmatchedPayouts++;
            return;
        }

        var multiplier = _multipliers.GetValueOrDefault(instrument, 1m);
        trade!.Settle(entry.Amount, multiplier);
        trade.Close(entry.Ts, Settlement);
        _open.Remove(instrument);
    }

    private void Start(FillRecord fill, int direction, decimal quantity, decimal price, decimal fee, decimal multiplier)
    {
        var trade = new OpenTrade(_all.Count + 1, fill.StrategyId, fill.Instrument, direction, fill.TsEvent);
        trade.Add(quantity, price, fee, multiplier);
        _open[fill.Instrument] = trade;
        _all.Add(trade);
    }

    private sealed class OpenTrade(int number, string strategy, InstrumentId instrument, int direction, long openedNs)
    {
        private decimal _entryQuantity;
        private decimal _entryNotional;
        private decimal _exitQuantity;
        private decimal _exitNotional;
        private decimal _fees;
        private long? _closedNs;
        private string _endedBy = Open;

        public int Direction => direction;

        public decimal Held { get; private set; }

        /// <summary>Cash moved by this trade before fees: trade cash, payouts and funding.</summary>
        public decimal Cash { get; set; }

        public void Add(decimal quantity, decimal price, decimal fee, decimal multiplier)
        {
            _entryQuantity += quantity;
            _entryNotional += quantity * price;
            Held += quantity;
            Cash -= direction * quantity * price * multiplier;
            _fees += fee;
        }

        public void Reduce(decimal quantity, decimal price, decimal fee, decimal multiplier)
        {
            _exitQuantity += quantity;
            _exitNotional += quantity * price;
            Held -= quantity;
            Cash += direction * quantity * price * multiplier;
            _fees += fee;
        }

        /// <summary>The payout for the whole holding; the settlement price is read back from it.</summary>
        public void Settle(decimal payout, decimal multiplier)
        {
            Cash += payout;
            if (multiplier != 0m)
            {
                _exitNotional += direction * payout / multiplier;
            }

            _exitQuantity += Held;
            Held = 0m;
        }

        public void Close(long ts, string endedBy)
        {
            _closedNs = ts;
            _endedBy = endedBy;
        }

        public ReportTrade ToReport() => new(
            number, strategy, instrument.Venue + " " + instrument.Symbol, direction > 0 ? "long" : "short", openedNs, _closedNs,
            _entryQuantity, _entryQuantity == 0m ? 0m : _entryNotional / _entryQuantity,
            _exitQuantity == 0m ? null : _exitNotional / _exitQuantity, _endedBy, _fees, _closedNs is null ? null : Cash - _fees, Inferred: false);
    }
}
