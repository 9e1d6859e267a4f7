using Edgewise.Core.Books;

namespace Edgewise.Engine.Messaging;

/// <summary>A book in the cache was changed by a snapshot or delta; the book is the live object, valid to read now.</summary>
public readonly record struct BookChanged(IOrderBook Book);
