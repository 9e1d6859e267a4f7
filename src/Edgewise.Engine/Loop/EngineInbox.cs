// The engine's thread-safe front door for live mode: venue I/O threads, timers and the dashboard write here,
// and EngineLoop.RunAsync, the single reader, dispatches. Two bounded channels: market data drops its oldest
// message when full (counted; a dropped book update or book status marks that book Gap so nobody trades it
// until a resync), while order events and commands are never dropped (a full queue makes the writer wait).
// Book updates are copied into pooled instances because parsers reuse theirs.
using System.Collections.Concurrent;
using System.Threading.Channels;
using Edgewise.Core.Contracts;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Orders;
using Edgewise.Engine.Risk;

namespace Edgewise.Engine.Loop;

public sealed class EngineInbox : IMarketDataSink, IExecutionEventSink
{
    private readonly Channel<EngineMessage> _data;
    private readonly Channel<EngineMessage> _commands;
    private readonly BookUpdatePool _pool;
    private readonly ConcurrentQueue<(InstrumentId Instrument, long TsRecv)> _droppedBooks = new();
    private long _dataDropped;
    private long _lostAfterComplete;

    internal EngineInbox(int dataCapacity, int commandCapacity, BookUpdatePool pool)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dataCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(commandCapacity);
        _pool = pool;
        _data = Channel.CreateBounded<EngineMessage>(
            new BoundedChannelOptions(dataCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDataDropped);
        _commands = Channel.CreateBounded<EngineMessage>(
            new BoundedChannelOptions(commandCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    /// <summary>Market-data messages dropped because the loop fell behind (shown on the dashboard).</summary>
    public long DataDropped => Interlocked.Read(ref _dataDropped);

    /// <summary>Commands or order events written after <see cref="Complete"/>, which nothing will read.</summary>
    public long LostAfterComplete => Interlocked.Read(ref _lostAfterComplete);

    public int PendingData => _data.Reader.Count;

    public int PendingCommands => _commands.Reader.Count;

    internal ChannelReader<EngineMessage> Data => _data.Reader;

    internal ChannelReader<EngineMessage> Commands => _commands.Reader;

    internal bool HasDroppedBooks => !_droppedBooks.IsEmpty;

    public void OnBookUpdate(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var copy = _pool.RentCopyOf(update);
        if (!_data.Writer.TryWrite(EngineMessage.ForBook(copy)))
        {
            _pool.Return(copy);
        }
    }

    public void OnTrade(in TradeTick trade) => _data.Writer.TryWrite(EngineMessage.ForTrade(trade));

    public void OnQuote(in QuoteTick quote) => _data.Writer.TryWrite(EngineMessage.ForQuote(quote));

    /// <summary>Queued with the book updates, because a status must take effect after the updates before it.</summary>
    public void OnBookStatus(in BookStatus status) => _data.Writer.TryWrite(EngineMessage.ForStatus(status));

    /// <summary>Queues a venue's order event; blocks while the command queue is full.</summary>
    public void OnOrderEvent(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        WriteCommand(EngineMessage.ForOrderEvent(orderEvent));
    }

    /// <summary>Queues a venue's order event, waiting asynchronously while the command queue is full.</summary>
    public async ValueTask OnOrderEventAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        await _commands.Writer.WriteAsync(EngineMessage.ForOrderEvent(orderEvent), ct).ConfigureAwait(false);
    }

    /// <summary>Halts trading and cancels every open order, ahead of any queued market data.</summary>
    public void RequestKillSwitch(string reason) => WriteCommand(EngineMessage.ForKillSwitch(reason ?? string.Empty));

    public void SetTradingState(TradingState state, string reason) => WriteCommand(EngineMessage.ForState(state, reason ?? string.Empty));

    /// <summary>Queues a contract's settlement at <paramref name="price"/> (a binary contract's 0 or 1).</summary>
    public void OnSettlement(InstrumentId instrument, Price price, long tsNs) =>
        WriteCommand(EngineMessage.ForSettlement(new PortfolioEvent(instrument, price, 0m, tsNs)));

    /// <summary>Queues a perpetual's funding payment: received positive, paid negative.</summary>
    public void OnFunding(InstrumentId instrument, decimal amount, long tsNs) =>
        WriteCommand(EngineMessage.ForFunding(new PortfolioEvent(instrument, Price.Zero, amount, tsNs)));

    /// <summary>No more input: RunAsync returns once both queues are drained.</summary>
    public void Complete()
    {
        _data.Writer.TryComplete();
        _commands.Writer.TryComplete();
    }

    internal void Write(in EngineMessage message)
    {
        if (message.IsMarketData)
        {
            if (!_data.Writer.TryWrite(message) && message.Book is not null)
            {
                _pool.Return(message.Book);
            }
        }
        else
        {
            WriteCommand(message);
        }
    }

    internal bool TryTakeDroppedBook(out InstrumentId instrument, out long tsRecv)
    {
        var taken = _droppedBooks.TryDequeue(out var dropped);
        (instrument, tsRecv) = dropped;
        return taken;
    }

    private void WriteCommand(in EngineMessage message)
    {
        while (!_commands.Writer.TryWrite(message))
        {
            // Full: wait for room (orders are never dropped). False means completed: nothing will read it.
            if (!_commands.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                Interlocked.Increment(ref _lostAfterComplete);
                return;
            }
        }
    }

    private void OnDataDropped(EngineMessage dropped)
    {
        Interlocked.Increment(ref _dataDropped);
        if (dropped.Book is { } book)
        {
            _droppedBooks.Enqueue((book.Instrument!, book.TsRecv));
            _pool.Return(book);
        }
        else if (dropped.Kind == EngineMessageKind.BookStatus)
        {
            _droppedBooks.Enqueue((dropped.Status.Instrument, dropped.Status.TsRecv));
        }
    }
}
