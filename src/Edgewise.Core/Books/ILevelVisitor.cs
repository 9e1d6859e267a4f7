namespace Edgewise.Core.Books;

/// <summary>
/// Receives the levels of one book side, best first, as raw fixed-point values. Implemented by structs
/// and passed by reference to a generic walk, so the JIT specializes the loop and nothing is boxed.
/// </summary>
internal interface ILevelVisitor
{
    /// <summary>Takes one level; returns false to stop the walk.</summary>
    bool Visit(long priceRaw, long sizeRaw);
}
