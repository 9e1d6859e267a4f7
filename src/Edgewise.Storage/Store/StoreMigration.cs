namespace Edgewise.Storage.Store;

/// <summary>
/// One step of the store's schema: <paramref name="Sql"/> (any number of statements) is applied, with its row in
/// schema_migrations, in one transaction. Versions start at 1 and go up by one; a released step is never edited,
/// a change is a new step.
/// </summary>
public sealed record StoreMigration(int Version, string Name, string Sql);
