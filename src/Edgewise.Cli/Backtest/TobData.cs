namespace Edgewise.Cli.Backtest;

/// <summary>A parsed top-of-book file: its rows in time order, the markets they quote (in order of first appearance) and the file's identity.</summary>
internal sealed record TobData(string FileName, string Sha256, IReadOnlyList<TobRow> Rows, IReadOnlyList<TobMarket> Markets);
