// Locates ../shared (real recorded data and venue samples that CI has beside the repository).
// Tests must skip, with the reason this class gives, when it is absent, so a fresh clone still passes.
namespace Edgewise.TestKit;

public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding Edgewise.slnx), found by walking up from the test binaries.</summary>
    public static string RepositoryRoot =>
        FindRepositoryRoot() ?? throw new InvalidOperationException("Edgewise.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>Full path of a file under ../shared, or null when it is not there.</summary>
    public static string? Find(string relativePath)
    {
        if (Root.Value is null)
        {
            return null;
        }

        var path = Path.Combine(Root.Value, relativePath);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The reason to give when <see cref="Find"/> returned null.</summary>
    public static string MissingReason(string relativePath) =>
        $"../shared/{relativePath} is not available (shared data sits beside the repository in CI)";

    private static string? FindRoot()
    {
        var repo = FindRepositoryRoot();
        if (repo is null)
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edgewise.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
