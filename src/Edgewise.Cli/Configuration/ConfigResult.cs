namespace Edgewise.Cli.Configuration;

/// <summary>A loaded configuration, or the list of problems that prevented it (each naming its file or key).</summary>
internal sealed record ConfigResult(string Source, EdgewiseConfig? Config, IReadOnlyList<string> Errors)
{
    public bool IsValid => Config is not null && Errors.Count == 0;

    public static ConfigResult Ok(string source, EdgewiseConfig config) => new(source, config, []);

    public static ConfigResult Failed(string source, IReadOnlyList<string> errors) => new(source, null, errors);
}
