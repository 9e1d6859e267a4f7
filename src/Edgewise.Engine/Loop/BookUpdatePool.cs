using System.Collections.Concurrent;
using Edgewise.Core.Events;

namespace Edgewise.Engine.Loop;

/// <summary>
/// Reusable BookUpdate copies for updates that must outlive the parser's callback (queued for the loop).
/// Any thread may rent and return; a returned copy's level array keeps its size, so the steady state allocates nothing.
/// </summary>
internal sealed class BookUpdatePool
{
    private readonly ConcurrentQueue<BookUpdate> _free = new();

    public BookUpdate RentCopyOf(BookUpdate source)
    {
        if (!_free.TryDequeue(out var copy))
        {
            copy = new BookUpdate();
        }

        copy.CopyFrom(source);
        return copy;
    }

    public void Return(BookUpdate copy) => _free.Enqueue(copy);
}
