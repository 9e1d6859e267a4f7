using System.Text.Json;

namespace Edgewise.Simulators;

/// <summary>
/// One command a client sent on a <see cref="SimKalshiSession"/> ({"id":1,"cmd":"subscribe","params":{...}}): its id, its cmd, its
/// params (a detached copy) and the exact text, so a test can check both meaning and wire form.
/// </summary>
public sealed record SimKalshiCommand(long Id, string Cmd, JsonElement Params, string Text)
{
    /// <summary>The named string array of the params ("channels", "market_tickers", "index_ids"); empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name) =>
        Params.ValueKind == JsonValueKind.Object && Params.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : [];

    /// <summary>The named number array of the params ("sids"); empty when absent.</summary>
    public IReadOnlyList<long> Numbers(string name) =>
        Params.ValueKind == JsonValueKind.Object && Params.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetInt64())]
            : [];

    /// <summary>use_yes_price as sent, or null when the command left it out.</summary>
    public bool? UseYesPrice =>
        Params.ValueKind == JsonValueKind.Object && Params.TryGetProperty("use_yes_price", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : null;

    public static SimKalshiCommand Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number ? idElement.GetInt64() : 0;
        var cmd = root.TryGetProperty("cmd", out var cmdElement) ? cmdElement.GetString() ?? string.Empty : string.Empty;
        var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
        return new SimKalshiCommand(id, cmd, parameters, text);
    }
}
