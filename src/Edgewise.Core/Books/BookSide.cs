namespace Edgewise.Core.Books;

/// <summary>One side of an order book.</summary>
public enum BookSide : byte
{
    Bid = 0,
    Ask = 1,
}
