// Reads and validates the configuration. One clear error per problem, naming the file or the key:
//   "config file not found: /path/x.json", "venues.kraken.wsUrl: unknown key", "risk.maxDailyLoss: must be positive ...".
// A file is laid over the built-in default, object by object: it names only what it changes (a venue's wsUrl
// keeps that venue's restUrl; one risk limit keeps the others), and null switches a limit off.
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Edgewise.Cli.Configuration;

internal static class ConfigLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Loads <paramref name="path"/>, or the built-in default when it is null.</summary>
    public static ConfigResult Load(string? path)
    {
        if (path is null)
        {
            return Validate(new EdgewiseConfig(), "built-in default");
        }

        if (!File.Exists(path))
        {
            return ConfigResult.Failed(path, [$"config file not found: {Path.GetFullPath(path)}"]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ConfigResult.Failed(path, [$"config file unreadable: {Path.GetFullPath(path)} ({ex.Message})"]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses configuration text; <paramref name="source"/> names it in messages.</summary>
    public static ConfigResult Parse(string json, string source)
    {
        EdgewiseConfig? config;
        try
        {
            var file = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (file is not JsonObject overrides)
            {
                return ConfigResult.Failed(source, ["the file must hold one JSON object"]);
            }

            var merged = JsonSerializer.SerializeToNode(new EdgewiseConfig(), Options)!.AsObject();
            Overlay(merged, overrides);
            config = merged.Deserialize<EdgewiseConfig>(Options);
        }
        catch (JsonException ex)
        {
            return ConfigResult.Failed(source, [Describe(ex)]);
        }

        return config is null
            ? ConfigResult.Failed(source, ["the file holds null, not a configuration object"])
            : Validate(config, source);
    }

    /// <summary>Copies <paramref name="overrides"/> onto <paramref name="target"/>: objects merge key by key, anything else replaces.</summary>
    private static void Overlay(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Overlay(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static string Describe(JsonException ex)
    {
        var key = KeyOf(ex.Path);
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"{key}: unknown key";
        }

        return key.Length == 0 ? $"not valid JSON ({FirstSentence(message)})" : $"{key}: invalid value ({FirstSentence(message)})";
    }

    private static ConfigResult Validate(EdgewiseConfig config, string source)
    {
        var errors = new List<string>();
        if (config.Mode is not ("paper" or "live"))
        {
            errors.Add($"mode: must be \"paper\" or \"live\" (got \"{config.Mode}\")");
        }

        foreach (var result in config.Risk.Validate(new ValidationContext(config.Risk)))
        {
            var member = result.MemberNames.FirstOrDefault() ?? string.Empty;
            errors.Add($"risk.{JsonNamingPolicy.CamelCase.ConvertName(member)}: {result.ErrorMessage}");
        }

        if (string.IsNullOrWhiteSpace(config.Store.Path))
        {
            errors.Add("store.path: must name a file");
        }

        if (config.Dashboard.Port is < 1 or > 65535)
        {
            errors.Add($"dashboard.port: must be 1-65535 (got {config.Dashboard.Port})");
        }

        if (config.Clock.MaxSkew <= TimeSpan.Zero)
        {
            errors.Add("clock.maxSkew: must be positive");
        }

        foreach (var (key, venue) in config.Venues.All())
        {
            CheckUrl(errors, $"{key}.restUrl", venue.RestUrl, "http", "https");
            CheckUrl(errors, $"{key}.wsUrl", venue.WsUrl, "ws", "wss");
        }

        return errors.Count == 0 ? ConfigResult.Ok(source, config) : ConfigResult.Failed(source, errors);
    }

    private static void CheckUrl(List<string> errors, string key, string value, params string[] schemes)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.Ordinal))
        {
            errors.Add($"{key}: must be an absolute {string.Join(" or ", schemes)} URL (got \"{value}\")");
        }
    }

    private static string KeyOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? string.Empty : jsonPath.TrimStart('$', '.');

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
