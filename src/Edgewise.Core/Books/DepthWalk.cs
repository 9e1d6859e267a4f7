using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>
/// The result of walking one side of a book for a quantity or a cash amount, as a taker order would:
/// how much fills, at what volume-weighted average price, the worst price touched, and the cash spent.
/// </summary>
/// <param name="Filled">Quantity that the visible book could fill (less than asked when the book is too thin).</param>
/// <param name="Notional">Sum of price × size over the filled levels (exact decimal).</param>
/// <param name="WorstPrice">The last (least favourable) price touched; default when nothing filled.</param>
/// <param name="Levels">How many levels were touched.</param>
/// <param name="Complete">True when the whole requested quantity or cash amount was available.</param>
public readonly record struct DepthWalk(Quantity Filled, decimal Notional, Price WorstPrice, int Levels, bool Complete)
{
    /// <summary>Volume-weighted average price of the filled part; null when nothing filled.</summary>
    public decimal? Vwap => Filled.IsPositive ? Notional / Filled.ToDecimal() : null;
}
