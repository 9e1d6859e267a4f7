// Finds a profile given on the command line: an existing file path is used as is; a bare name ("kalshi-btc-v6") is
// looked up as profiles/<name>.json in the current directory and its parents, then beside the executable and its
// parents (the repository's profiles/ folder when run from a build output). A profile found by name must call itself
// that name, so a renamed copy cannot run under the wrong label.
using Edgewise.Strategies.BtcBinary.Profiles;

namespace Edgewise.Cli.Backtest;

internal static class ProfileLocator
{
    public const string Folder = "profiles";

    /// <exception cref="FileNotFoundException">No such file or profile name (the message says where it looked).</exception>
    /// <exception cref="InvalidProfileException">The file is not a valid profile, or names itself differently.</exception>
    public static BtcBinaryProfile Load(string profile, string currentDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        if (File.Exists(profile))
        {
            return ProfileReader.Load(profile);
        }

        var isName = profile.IndexOfAny(['/', '\\']) < 0 && !profile.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!isName)
        {
            throw new FileNotFoundException($"profile file not found: {profile}", profile);
        }

        var file = profile + ".json";
        foreach (var start in new[] { currentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Folder, file);
                if (File.Exists(candidate))
                {
                    var loaded = ProfileReader.Load(candidate);
                    if (!string.Equals(loaded.Name, profile, StringComparison.Ordinal))
                    {
                        throw new InvalidProfileException($"{candidate}: the profile calls itself '{loaded.Name}', not '{profile}'");
                    }

                    return loaded;
                }
            }
        }

        throw new FileNotFoundException(
            $"profile '{profile}' not found: no {Folder}/{file} in {currentDirectory} or {AppContext.BaseDirectory} or their parents", file);
    }
}
