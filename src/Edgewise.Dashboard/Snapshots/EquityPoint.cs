namespace Edgewise.Dashboard.Snapshots;

/// <summary>Account equity and net P&amp;L at the end of one engine-clock bucket; Time is Unix seconds (the chart's unit).</summary>
public sealed record EquityPoint(long Time, decimal Equity, decimal NetPnl);
