// Live mode: the single reader of the Inbox. One loop turn handles one message; all queued commands (order
// events, kill switch, trading state, timers) are taken before the next market-data message, so a kill
// switch takes effect before any further data reaches a strategy. When both queues are empty the loop
// waits on both (allocating only while idle). It returns when ct is canceled or after Inbox.Complete() once
// both queues are drained.
namespace Edgewise.Engine.Loop;

public sealed partial class EngineLoop
{
    public async Task RunAsync(CancellationToken ct)
    {
        Start();
        if (_running)
        {
            throw new InvalidOperationException("RunAsync is already running.");
        }

        _running = true;
        var commands = Inbox.Commands;
        var data = Inbox.Data;
        Task<bool>? commandWait = null;
        Task<bool>? dataWait = null;
        var commandsOpen = true;
        var dataOpen = true;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (commands.TryRead(out var command))
                {
                    DispatchQueued(command);
                    continue;
                }

                if (data.TryRead(out var marketData))
                {
                    DispatchQueued(marketData);
                    continue;
                }

                if (!commandsOpen && !dataOpen)
                {
                    return;
                }

                if (commandsOpen)
                {
                    commandWait ??= commands.WaitToReadAsync(ct).AsTask();
                }

                if (dataOpen)
                {
                    dataWait ??= data.WaitToReadAsync(ct).AsTask();
                }

                if (commandWait is not null && dataWait is not null)
                {
                    await Task.WhenAny(commandWait, dataWait).ConfigureAwait(false);
                }
                else
                {
                    await ((Task)(commandWait ?? dataWait!)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                if (commandWait is { IsCompleted: true })
                {
                    commandsOpen = await commandWait.ConfigureAwait(false);
                    commandWait = null;
                }

                if (dataWait is { IsCompleted: true })
                {
                    dataOpen = await dataWait.ConfigureAwait(false);
                    dataWait = null;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown requested: return normally.
        }
        finally
        {
            _running = false;
        }
    }

    private void DispatchQueued(in EngineMessage message)
    {
        Enter();
        try
        {
            while (Inbox.HasDroppedBooks && Inbox.TryTakeDroppedBook(out var instrument, out var tsRecv))
            {
                Data.MarkDropped(instrument, tsRecv);
            }

            Handle(message);
            Drain();
        }
        finally
        {
            Exit();
        }
    }
}
