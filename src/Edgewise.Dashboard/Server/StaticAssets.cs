// The front end, served from resources embedded in this assembly (wwwroot/**), so the dashboard needs no files next
// to the executable and serves the same bytes whatever the working directory. Each asset carries a strong ETag (a
// hash of its bytes) so a browser revalidates cheaply. Only files that exist are served; anything else is a 404.
using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Edgewise.Dashboard.Server;

internal sealed class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private readonly FrozenDictionary<string, Asset> _assets;

    private StaticAssets(FrozenDictionary<string, Asset> assets) => _assets = assets;

    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>Loads every embedded wwwroot file of <paramref name="assembly"/>, keyed by its URL path ("/app.js").</summary>
    public static StaticAssets Load(Assembly assembly)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16)) + "\"";
            var path = "/" + normalized[Prefix.Length..];
            assets[path] = new Asset(content, ContentTypeOf(path), etag);
        }

        if (!assets.ContainsKey("/index.html"))
        {
            throw new InvalidOperationException("The dashboard's front end (wwwroot/index.html) is not embedded in the assembly.");
        }

        return new StaticAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool TryGet(string path, out Asset asset) => _assets.TryGetValue(path == "/" ? "/index.html" : path, out asset!);

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".HTML" => "text/html; charset=utf-8",
        ".JS" => "text/javascript; charset=utf-8",
        ".CSS" => "text/css; charset=utf-8",
        ".SVG" => "image/svg+xml",
        ".PNG" => "image/png",
        ".ICO" => "image/x-icon",
        ".JSON" => "application/json",
        _ => "text/plain; charset=utf-8",
    };

    internal sealed record Asset(byte[] Content, string ContentType, string ETag);
}
