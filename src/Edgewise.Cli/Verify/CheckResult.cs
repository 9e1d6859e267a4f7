namespace Edgewise.Cli.Verify;

/// <summary>One row of the pre-flight table: what was checked, its status, and a detail that never contains a secret.</summary>
internal sealed record CheckResult(string Check, CheckStatus Status, string Detail);
