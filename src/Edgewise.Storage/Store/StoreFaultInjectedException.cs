namespace Edgewise.Storage.Store;

/// <summary>A failure raised on purpose by a fault-injection hook, handled by the store exactly like a real write error.</summary>
public sealed class StoreFaultInjectedException : Exception
{
    public StoreFaultInjectedException()
    {
    }

    public StoreFaultInjectedException(string message)
        : base(message)
    {
    }

    public StoreFaultInjectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
