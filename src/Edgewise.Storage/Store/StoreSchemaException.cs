namespace Edgewise.Storage.Store;

/// <summary>
/// The database's schema does not fit this build: written by a newer Edgewise (an older binary must not guess at
/// tables it does not know), not yet migrated (a reader opened it before any writer), or its applied migrations
/// differ from this build's.
/// </summary>
public sealed class StoreSchemaException : Exception
{
    public StoreSchemaException()
    {
    }

    public StoreSchemaException(string message)
        : base(message)
    {
    }

    public StoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
