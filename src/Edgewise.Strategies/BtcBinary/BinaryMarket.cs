// One Kalshi binary market as the strategy trades it: a YES contract and its complement, a NO contract.
// Decision (see docs/design-notes.md): buying NO is modelled as buying a separate NO instrument whose book is the
// mirror of the YES book (NO ask = 1 − YES bid, NO bid = 1 − YES ask), not as selling YES. Cost, notional for the
// risk limits, fees (P × (1 − P) is symmetric) and settlement then read naturally on each side, and a NO position
// pays $1 when YES pays $0. The NO instrument's symbol is the ticker with ":no" appended. Kalshi nets YES against
// NO in one market; the strategy never holds both at once, so nothing here depends on that netting.
using Edgewise.Core.Fees;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Engine.Time;

namespace Edgewise.Strategies.BtcBinary;

public sealed class BinaryMarket
{
    /// <summary>Appended to the ticker to name the NO instrument.</summary>
    public const string NoSuffix = ":no";

    public BinaryMarket(string ticker, BinaryContract yes, BinaryContract no)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticker);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(no);
        if (yes.OpenTime != no.OpenTime || yes.CloseTime != no.CloseTime)
        {
            throw new ArgumentException($"The YES and NO contracts of {ticker} have different open or close times.", nameof(no));
        }

        if (yes.Id == no.Id)
        {
            throw new ArgumentException($"The YES and NO contracts of {ticker} have the same id {yes.Id}.", nameof(no));
        }

        Ticker = ticker;
        Yes = yes;
        No = no;
        OpenNs = ReplayTimeProvider.ToUnixNs(yes.OpenTime);
        CloseNs = ReplayTimeProvider.ToUnixNs(yes.CloseTime);
    }

    public string Ticker { get; }

    public BinaryContract Yes { get; }

    public BinaryContract No { get; }

    /// <summary>Open time, Unix ns.</summary>
    public long OpenNs { get; }

    /// <summary>Close time, Unix ns.</summary>
    public long CloseNs { get; }

    /// <summary>The strike the market states (Kalshi floor_strike), or null when it was not given.</summary>
    public decimal? StatedStrike => Yes.Strike?.Floor;

    /// <summary>
    /// Builds a "YES if the 60 s BRTI average before close is at least the strike" market (KXBTC15M) and its NO
    /// complement on <paramref name="venue"/>; <paramref name="floorStrike"/> is null when the market did not give it.
    /// </summary>
    public static BinaryMarket AtLeastStrike(string venue, string ticker, DateTimeOffset openTime, DateTimeOffset closeTime,
        decimal? floorStrike, IFeeModel fees, TickGrid grid, Quantity sizeIncrement)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        ArgumentException.ThrowIfNullOrEmpty(ticker);
        var rule = SettlementRule.SimpleAverage60Seconds;
        var yesStrike = floorStrike is { } k ? BinaryStrike.AtLeast(k) : null;
        var noStrike = floorStrike is { } c ? new BinaryStrike(StrikeType.Less, null, c) : null;
        var yes = new BinaryContract(new InstrumentId(venue, ticker), fees, grid, sizeIncrement, openTime, closeTime, yesStrike, rule);
        var no = new BinaryContract(new InstrumentId(venue, ticker + NoSuffix), fees, grid, sizeIncrement, openTime, closeTime, noStrike, rule);
        return new BinaryMarket(ticker, yes, no);
    }

    public BinaryContract ContractFor(OutcomeSide side) => side switch
    {
        OutcomeSide.Yes => Yes,
        OutcomeSide.No => No,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown outcome side."),
    };

    /// <summary>Which side <paramref name="instrument"/> is in this market, if it is one of its two contracts.</summary>
    public bool TryGetSide(InstrumentId instrument, out OutcomeSide side)
    {
        if (instrument == Yes.Id)
        {
            side = OutcomeSide.Yes;
            return true;
        }

        if (instrument == No.Id)
        {
            side = OutcomeSide.No;
            return true;
        }

        side = default;
        return false;
    }

    public override string ToString() => Ticker;
}
