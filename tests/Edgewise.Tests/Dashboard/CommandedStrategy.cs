using System.Collections.Concurrent;
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Strategies;

namespace Edgewise.Tests.Dashboard;

/// <summary>
/// A test strategy that trades when told: commands queued from the test thread are submitted on the loop thread at the
/// next book change or healthy status of its instrument, so the same script works in synchronous and live (RunAsync) mode.
/// </summary>
internal sealed class CommandedStrategy(string id, InstrumentId instrument) : Strategy(id), IDisposable
{
    private readonly ConcurrentQueue<OrderRequestFactory> _commands = new();

    public delegate OrderRequest OrderRequestFactory(StrategyContext context);

    private readonly SemaphoreSlim _resultAdded = new(0);

    public ConcurrentQueue<SubmitResult> Results { get; } = new();

    /// <summary>Waits until the next queued command has been submitted (on the loop thread) and returns its result.</summary>
    public async Task<SubmitResult> NextResultAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await _resultAdded.WaitAsync(timeout.Token);
        return Results.Last();
    }

    public void Market(OrderSide side, decimal quantity) =>
        _commands.Enqueue(ctx => OrderRequest.Market(ctx.NextClientOrderId(), instrument, side, Quantity.FromDecimal(quantity)));

    public void Limit(OrderSide side, decimal price, decimal quantity) =>
        _commands.Enqueue(ctx => OrderRequest.Limit(ctx.NextClientOrderId(), instrument, side, Price.FromDecimal(price), Quantity.FromDecimal(quantity)));

    public override void OnStart() => Context.Subscribe(instrument);

    public void Dispose() => _resultAdded.Dispose();

    public override void OnBook(IOrderBook book)
    {
        if (book.Health == BookHealth.Healthy)
        {
            Drain();
        }
    }

    public override void OnBookStatus(in BookStatus status)
    {
        if (status.Health == BookHealth.Healthy)
        {
            Drain();
        }
    }

    private void Drain()
    {
        while (_commands.TryDequeue(out var command))
        {
            Results.Enqueue(Context.Submit(command(Context)));
            _resultAdded.Release();
        }
    }
}
