// One JSON object of a profile, read key by key with typed accessors that fall back to the option's default when a
// key is absent. Every key read is remembered, so EnsureNoUnknownKeys can name a misspelt or unsupported key
// instead of silently ignoring it. Errors name the file and the dotted key path (filters.max_spread).
using System.Globalization;
using System.Text.Json;

namespace Edgewise.Strategies.BtcBinary.Profiles;

internal sealed class JsonSection
{
    private readonly JsonElement _element;
    private readonly string _source;
    private readonly string _path;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonSection(JsonElement element, string source, string path)
    {
        _source = source;
        _path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path.Length == 0 ? "the profile must be a JSON object" : $"{path} must be a JSON object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw Error($"key '{KeyPath(property.Name)}' appears twice");
            }
        }

        _element = element;
    }

    public static JsonSection Root(JsonElement element, string source) => new(element, source, string.Empty);

    /// <summary>The nested object under <paramref name="key"/>, or null when the key is absent.</summary>
    public JsonSection? Section(string key) =>
        TryGet(key, out var value) ? new JsonSection(value, _source, KeyPath(key)) : null;

    public string RequiredString(string key)
    {
        if (!TryGet(key, out var value))
        {
            throw Error($"key '{KeyPath(key)}' is required");
        }

        return AsString(key, value);
    }

    public string String(string key, string fallback) => TryGet(key, out var value) ? AsString(key, value) : fallback;

    public bool Bool(string key, bool fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"{KeyPath(key)} must be true or false"),
        };
    }

    public decimal Decimal(string key, decimal fallback) => TryGet(key, out var value) ? AsDecimal(key, value) : fallback;

    /// <summary>A number, or JSON null for "none"; the fallback when absent.</summary>
    public decimal? NullableDecimal(string key, decimal? fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Null ? null : AsDecimal(key, value);
    }

    public int Int(string key, int fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error($"{KeyPath(key)} must be a whole number");
        }

        return number;
    }

    public TimeSpan Seconds(string key, TimeSpan fallback) => TryGet(key, out var value) ? AsDuration(key, value, TimeSpan.TicksPerSecond) : fallback;

    /// <summary>Seconds, or JSON null for "none"; the fallback when absent.</summary>
    public TimeSpan? NullableSeconds(string key, TimeSpan? fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Null ? null : AsDuration(key, value, TimeSpan.TicksPerSecond);
    }

    public TimeSpan Milliseconds(string key, TimeSpan fallback) =>
        TryGet(key, out var value) ? AsDuration(key, value, TimeSpan.TicksPerMillisecond) : fallback;

    /// <summary>Throws naming the first key of this object that no accessor asked for.</summary>
    public void EnsureNoUnknownKeys()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw Error($"unknown key '{KeyPath(property.Name)}'");
            }
        }
    }

    public InvalidProfileException Error(string message) => new($"{_source}: {message}");

    private bool TryGet(string key, out JsonElement value)
    {
        _read.Add(key);
        return _element.TryGetProperty(key, out value);
    }

    private string KeyPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private string AsString(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error($"{KeyPath(key)} must be a string");

    private decimal AsDecimal(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw Error($"{KeyPath(key)} must be a number");
        }

        return number;
    }

    private TimeSpan AsDuration(string key, JsonElement value, long ticksPerUnit)
    {
        var amount = AsDecimal(key, value);
        var ticks = amount * ticksPerUnit;
        if (ticks != decimal.Truncate(ticks) || ticks < 0m || ticks > TimeSpan.MaxValue.Ticks)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"{KeyPath(key)} must be a non-negative duration in whole 100 ns steps (got {amount})"));
        }

        return TimeSpan.FromTicks((long)ticks);
    }
}
