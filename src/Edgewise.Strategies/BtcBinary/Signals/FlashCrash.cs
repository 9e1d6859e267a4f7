using Edgewise.Core.Instruments;

namespace Edgewise.Strategies.BtcBinary.Signals;

/// <summary>A crash seen in one side's price: it fell from <paramref name="From"/> to <paramref name="To"/> (in that side's terms).</summary>
/// <param name="Side">The side whose price fell (a YES spike is a NO crash).</param>
/// <param name="From">The high, in the side's terms.</param>
/// <param name="To">The latest price, in the side's terms.</param>
/// <param name="Drop">(From − To) / From.</param>
/// <param name="FromTsNs">When the high was seen.</param>
/// <param name="ToTsNs">When the low (the latest price) was seen.</param>
public readonly record struct FlashCrash(OutcomeSide Side, decimal From, decimal To, decimal Drop, long FromTsNs, long ToTsNs);
