namespace Edgewise.Tests.Core.Instruments;

/// <summary>Finds venue sample files in ../shared next to the repository root (the directory holding Edgewise.slnx).</summary>
internal static class SharedSamples
{
    /// <summary>The full path of <paramref name="relativeToShared"/> under ../shared, or null when the repository root or the file is not found.</summary>
    public static string? Find(string relativeToShared)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edgewise.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relativeToShared));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
