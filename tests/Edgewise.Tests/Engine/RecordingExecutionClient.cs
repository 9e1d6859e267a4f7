using Edgewise.Core.Contracts;
using Edgewise.Core.Orders;

namespace Edgewise.Tests.Engine;

/// <summary>A test execution client: records what the engine sends and can answer at once through a hook (as a simulated venue would).</summary>
internal sealed class RecordingExecutionClient(string venue) : IExecutionClient
{
    public string Venue { get; } = venue;

    public List<OrderRequest> Submitted { get; } = [];

    public List<CancelRequest> Canceled { get; } = [];

    /// <summary>Called inside Submit, on the engine thread: e.g. report an acceptance straight back.</summary>
    public Action<OrderRequest>? OnSubmit { get; set; }

    public void Submit(in OrderRequest request)
    {
        Submitted.Add(request);
        OnSubmit?.Invoke(request);
    }

    public void Cancel(in CancelRequest request) => Canceled.Add(request);
}
