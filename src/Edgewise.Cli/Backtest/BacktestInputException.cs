namespace Edgewise.Cli.Backtest;

/// <summary>An input file of the backtest is unusable; the message names the file (and line) and what is wrong.</summary>
internal sealed class BacktestInputException(string message) : Exception(message);
