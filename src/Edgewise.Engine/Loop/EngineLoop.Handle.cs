// How the loop handles each message kind. Called only inside a dispatch (one thread, deferred work drained after).
using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Messaging;
using Edgewise.Engine.Risk;
using Edgewise.Engine.Strategies;

namespace Edgewise.Engine.Loop;

public sealed partial class EngineLoop
{
    private void Handle(in EngineMessage message)
    {
        MessagesDispatched++;
        switch (message.Kind)
        {
            case EngineMessageKind.BookUpdate:
                try
                {
                    Data.OnBookUpdate(message.Book!);
                }
                finally
                {
                    _pool.Return(message.Book!);
                }

                break;
            case EngineMessageKind.Trade:
                Data.OnTrade(message.Trade);
                break;
            case EngineMessageKind.Quote:
                Data.OnQuote(message.Quote);
                break;
            case EngineMessageKind.BookStatus:
                Data.OnBookStatus(message.Status);
                break;
            case EngineMessageKind.OrderEvent:
                Execution.OnOrderEvent((OrderEvent)message.Payload!);
                break;
            case EngineMessageKind.PublishOrderEvent:
                Execution.PublishOrderEvent((OrderEvent)message.Payload!);
                break;
            case EngineMessageKind.Timer:
                var registration = (TimerService.Registration)message.Payload!;
                if (_timers.Claim(registration))
                {
                    Strategies.DeliverTimer(registration.Strategy, registration.Name);
                }

                break;
            case EngineMessageKind.SetTradingState:
                Risk.SetState(message.State, message.Text!);
                break;
            case EngineMessageKind.KillSwitch:
                Risk.SetState(TradingState.Halted, message.Text!);
                Execution.CancelAll();
                break;
            case EngineMessageKind.Settlement:
            case EngineMessageKind.Funding:
                ApplyPortfolioEvent(message.Kind, (PortfolioEvent)message.Payload!);
                break;
            case EngineMessageKind.Callback:
                ((Action)message.Payload!)();
                break;
            default:
                throw new InvalidOperationException($"Unknown engine message {message.Kind}.");
        }
    }

    private void ApplyPortfolioEvent(EngineMessageKind kind, PortfolioEvent change)
    {
        if (!Cache.TryGetInstrument(change.Instrument, out var instrument))
        {
            UnknownInstrumentAdjustments++;
            return;
        }

        if (kind == EngineMessageKind.Settlement)
        {
            var update = Cache.Portfolio.Settle(instrument, change.Price, change.TsNs);
            ExecutionEngine.EnsureReconciled(Cache.Portfolio);
            Risk.OnPositionUpdate(update);
            Bus.Publish(new PositionSettled(change.Instrument, change.Price, update, change.TsNs));
        }
        else
        {
            Cache.Portfolio.ApplyFunding(instrument, change.Amount, change.TsNs);
            Bus.Publish(new FundingApplied(change.Instrument, change.Amount, change.TsNs));
        }
    }
}
