using System.Text;
using Edgewise.Core.Contracts;
using Edgewise.TestKit;

namespace Edgewise.Tests.Venues.Common;

/// <summary>Loads venue sample files from ../shared as frames, skipping the test (with the reason) when ../shared is absent.</summary>
internal static class SharedSample
{
    public static RawFrame Frame(string relativePath, string venue, FrameSource source = FrameSource.Ws, string? endpoint = null, long recvTs = 1_000) =>
        new(recvTs, venue, source, endpoint, File.ReadAllBytes(Path(relativePath)));

    public static string Path(string relativePath)
    {
        var path = SharedData.Find(relativePath);
        if (path is null)
        {
            Assert.Skip(SharedData.MissingReason(relativePath));
        }

        return path;
    }

    /// <summary>The file names in a ../shared folder (sorted), or a skip when the folder is absent.</summary>
    public static string[] FileNames(string relativeFolder)
    {
        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(SharedData.RepositoryRoot, "..", "shared", relativeFolder));
        if (!Directory.Exists(folder))
        {
            Assert.Skip(SharedData.MissingReason(relativeFolder));
        }

        return Directory.GetFiles(folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
    }

    public static RawFrame Text(string json, string venue, FrameSource source = FrameSource.Ws, string? endpoint = null, long recvTs = 1_000) =>
        new(recvTs, venue, source, endpoint, Encoding.UTF8.GetBytes(json));
}
