namespace Edgewise.Cli.Reports;

/// <summary>Cumulative realized P&amp;L after fees at <paramref name="TsNs"/>, and how far it stands below its running peak.</summary>
internal readonly record struct EquityPoint(long TsNs, decimal Equity, decimal Drawdown);
