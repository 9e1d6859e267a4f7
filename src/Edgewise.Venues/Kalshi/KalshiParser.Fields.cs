// The state KalshiParser collects from one frame before it emits anything: the envelope, the msg fields (any key order), and
// the snapshot's levels. Plain structs and reusable arrays, reset per frame, so reading allocates nothing.
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Kalshi;

public sealed partial class KalshiParser
{
    private const byte SideNone = 0;
    private const byte SideYes = 1;
    private const byte SideNo = 2;

    private const int QuoteBid = 1;
    private const int QuoteAsk = 2;

    private enum MessageType : byte
    {
        None = 0,
        OrderbookSnapshot,
        OrderbookDelta,
        Ticker,
        Trade,
        Fill,
        IndexValue,
        IndexValue5Hz,
        Subscribed,
        Unsubscribed,
        Ok,
        Error,
        OtherControl,
        Other,
    }

    private struct Envelope
    {
        public MessageType Type;
        public bool HasSid, HasSeq, HasId, HasOrderbookFp, HasTrades;
        public long Sid, Seq, Id;
    }

    /// <summary>A string's place in the frame (start, length), so ids are only turned into strings when a fill needs them.</summary>
    private readonly record struct TextRange(int Start, int Length)
    {
        public bool IsSet => Length > 0;
    }

    private struct MsgFields
    {
        public InstrumentId? Instrument;
        public bool HasPrice, HasDelta, HasTs, HasTsMs, HasYesPrice, HasCount;
        public long Price, Delta, Ts, TsMs, YesPrice, Count;
        public int PriceDecimals, DeltaDecimals;
        public byte Side, TakerSide, TakerOutcomeSide, PurchasedSide, Action;

        // ticker
        public int QuoteFields;
        public long YesBid, YesAsk, YesBidSize, YesAskSize;

        // fill
        public TextRange TradeId, OrderId, ClientOrderId;
        public bool HasIsTaker, IsTaker, HasPostPosition, HasSubaccount, HasFeeCost;
        public long PostPosition, FeeCost;
        public int Subaccount;

        // CF Benchmarks
        public string? IndexId;
        public bool HasIndexValue, HasValueUsd, HasSourceTs, HasReceivedAt, HasTrailing, HasSettlement;
        public long IndexValue, ValueUsd, SourceTsMs, ReceivedAtMs;
        public KalshiIndexAverage Trailing, Settlement;

        // replies
        public bool HasCode, HasMsgSid;
        public int Code;
        public long MsgSid;
        public string? ErrorText, Channel;
    }

    private readonly record struct Level(long Price, long Size) : IComparable<Level>
    {
        public int CompareTo(Level other) => Price.CompareTo(other.Price);
    }

    /// <summary>One side of a snapshot as read, before sorting; the array is kept between frames.</summary>
    private sealed class LevelScratch
    {
        private Level[] _items = new Level[64];

        public int Count { get; private set; }

        public int PriceDecimals { get; private set; }

        public int SizeDecimals { get; private set; }

        public ReadOnlySpan<Level> Levels => _items.AsSpan(0, Count);

        public void Clear()
        {
            Count = 0;
            PriceDecimals = 0;
            SizeDecimals = 0;
        }

        public void Add(long price, long size, int priceDecimals, int sizeDecimals)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = new Level(price, size);
            PriceDecimals = Math.Max(PriceDecimals, priceDecimals);
            SizeDecimals = Math.Max(SizeDecimals, sizeDecimals);
        }

        /// <summary>Turns NO bids at p into YES asks at 1 − p.</summary>
        public void Complement()
        {
            var items = _items.AsSpan(0, Count);
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = items[i] with { Price = Core.Numerics.FixedPoint.One - items[i].Price };
            }
        }

        /// <summary>Sorts by price, ascending; false when a price appears twice.</summary>
        public bool SortAndCheckUnique()
        {
            var items = _items.AsSpan(0, Count);
            items.Sort();
            for (var i = 1; i < items.Length; i++)
            {
                if (items[i].Price == items[i - 1].Price)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
