using Edgewise.Core.Numerics;

namespace Edgewise.Core.Books;

/// <summary>One price level: the price and the total size resting there.</summary>
public readonly record struct BookLevel(Price Price, Quantity Size);
