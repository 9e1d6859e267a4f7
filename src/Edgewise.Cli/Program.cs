using Edgewise.Cli;

return await EdgewiseCli.Build().Parse(args).InvokeAsync();
