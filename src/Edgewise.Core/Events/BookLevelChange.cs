using Edgewise.Core.Books;
using Edgewise.Core.Numerics;

namespace Edgewise.Core.Events;

/// <summary>One level of a snapshot or delta: absolute size, or a signed change where the batch says so.</summary>
public readonly record struct BookLevelChange(BookSide Side, Price Price, Quantity Size);
