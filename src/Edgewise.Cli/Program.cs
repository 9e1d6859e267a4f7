using System.CommandLine;
using Edgewise.Cli;
using Edgewise.Cli.Commands;

using var signals = ShutdownSignals.Register(Console.Error);
return await EdgewiseCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
