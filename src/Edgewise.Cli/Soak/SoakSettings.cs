namespace Edgewise.Cli.Soak;

/// <summary>
/// What `edgewise store-soak` is asked to do: the store, how many steps in all (0: until a signal), a flush and a
/// "durable" line every <paramref name="FlushEvery"/> steps, a new run every <paramref name="RunEvery"/> steps (0: one
/// run), the profile name and hash its runs carry, and the store's batch size (small, so a kill lands between many
/// commits).
/// </summary>
internal sealed record SoakSettings(
    string StorePath,
    long Steps,
    int FlushEvery,
    long RunEvery,
    string Profile,
    string ProfileHash,
    int BatchRecords);
