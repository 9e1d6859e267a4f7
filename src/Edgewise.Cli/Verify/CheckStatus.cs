namespace Edgewise.Cli.Verify;

/// <summary>Outcome of one pre-flight check. Any FAIL makes `edgewise verify` exit with code 1.</summary>
internal enum CheckStatus
{
    Pass,
    Warn,
    Fail,
}
