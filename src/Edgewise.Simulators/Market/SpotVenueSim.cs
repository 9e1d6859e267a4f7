// The part every simulated spot venue shares: its SimVenueServer (WebSocket on any path, REST answered from the venue's state),
// its book, and what happens on each generator step under the world's lock: the book follows the true price (with the venue's
// basis and a little noise of its own), trades happen, and the venue publishes what changed to its subscribed clients. A book
// moves on most steps, and always once the price has run more than 5 bp from where the book last was, so a venue never lags a
// jump. Outages: an abrupt one drops every connection and refuses upgrades (HTTP 503) until it ends; a silent one keeps the
// connections open but sends nothing (the book goes on changing) and drops them at its end, so a client that did not notice the
// silence still starts again from a fresh snapshot instead of a book with changes missing.
using Microsoft.AspNetCore.Http;

namespace Edgewise.Simulators.Market;

internal abstract class SpotVenueSim : IAsyncDisposable
{
    private const decimal FollowThreshold = 0.0005m;

    private readonly List<LevelChange> _changes = [];
    private readonly double _updateProbability;
    private readonly double _tradeProbability;
    private decimal _basisNoise;
    private decimal _bookPrice;
    private volatile bool _refusing;
    private bool _silent;
    private long _outageEndNs = long.MaxValue;

    protected SpotVenueSim(string name, SpotBookShape shape, int seed, Lock world, double updateProbability, double tradeProbability)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Name = name;
        Rng = new Random(seed);
        Book = new SpotBook(shape, new Random(unchecked(seed * 31) + 7));
        World = world;
        _updateProbability = updateProbability;
        _tradeProbability = tradeProbability;
    }

    public string Name { get; }

    public SpotBook Book { get; }

    public SimVenueServer Server { get; private set; } = null!;

    /// <summary>True while an outage is on (abrupt or silent).</summary>
    public bool IsDown => _outageEndNs != long.MaxValue;

    /// <summary>Steps whose data went to the clients (not silenced).</summary>
    public long PublishedSteps { get; private set; }

    protected Random Rng { get; }

    protected Lock World { get; }

    /// <summary>Unix ns of the latest generator step (the venue's time for replies between steps).</summary>
    protected long NowNs { get; private set; }

    public async Task StartAsync()
    {
        Server = await SimVenueServer.StartAsync(InterceptAsync, OnAccepted); // registered on the upgrade's thread, before any step can pass it by
    }

    /// <summary>Starts an outage until <paramref name="untilNs"/>: silent, or abrupt (connections dropped, upgrades refused). Call under the world lock.</summary>
    public void BeginOutage(bool silent, long untilNs)
    {
        _outageEndNs = untilNs;
        _silent = silent;
        if (!silent)
        {
            _refusing = true;
            AbortAll();
        }
    }

    /// <summary>One generator step (under the world lock): outage bookkeeping, the book, trades, then publication.</summary>
    public void Step(MarketGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var now = generator.NowNs;
        NowNs = now;
        if (now >= _outageEndNs)
        {
            if (_silent)
            {
                AbortAll();
            }

            (_outageEndNs, _silent, _refusing) = (long.MaxValue, false, false);
        }

        _changes.Clear();
        _basisNoise = Math.Clamp((0.95m * _basisNoise) + (0.00002m * (decimal)(Rng.NextDouble() - 0.5) * 2m), -0.0002m, 0.0002m);
        var price = generator.Price;
        if (_bookPrice == 0m || Rng.NextDouble() < _updateProbability || Math.Abs(price - _bookPrice) > FollowThreshold * price)
        {
            Book.Update(price * (1m + Book.Shape.Basis + _basisNoise), _changes);
            _bookPrice = price;
        }

        SpotTrade? trade = null;
        if (Rng.NextDouble() < _tradeProbability)
        {
            var rising = price >= generator.PriceAgo(MarketGenerator.SecondNs);
            var takerBuys = Rng.NextDouble() < (rising ? 0.65 : 0.35);
            trade = Book.Trade(takerBuys, _changes);
        }

        OnStepped(now, _changes, trade);
        if (_silent)
        {
            return;
        }

        PublishedSteps++;
        Publish(now, _changes, trade, now % MarketGenerator.SecondNs == 0);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>Completes once every frame queued so far has been handed to the sockets.</summary>
    public abstract Task DrainAsync();

    /// <summary>Completes once a connection has subscribed every channel the venue offers.</summary>
    public abstract Task WaitForSubscribedClientAsync(TimeSpan timeout);

    /// <summary>Sends the step's changes and trade to the subscribed clients (under the world lock, never waiting).</summary>
    protected abstract void Publish(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade, bool onWholeSecond);

    /// <summary>Every step, silent or not, before publication (under the world lock): venue counters that follow the book.</summary>
    protected virtual void OnStepped(long nowNs, IReadOnlyList<LevelChange> changes, SpotTrade? trade)
    {
    }

    /// <summary>A new WebSocket connection was accepted.</summary>
    protected abstract void OnAccepted(SimWebSocketConnection connection);

    /// <summary>Drops every connection (under the world lock).</summary>
    protected abstract void AbortAll();

    /// <summary>The REST answer for a GET (under the world lock), or null for the server's 404.</summary>
    protected virtual (int Status, string Body)? AnswerRest(string path, IQueryCollection query) => null;

    private async Task<bool> InterceptAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            if (!_refusing)
            {
                return false;
            }

            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("""{"error":"venue unavailable"}""", context.RequestAborted);
            return true;
        }

        (int Status, string Body)? answer;
        lock (World)
        {
            answer = _refusing ? (503, """{"error":"venue unavailable"}""") : AnswerRest(context.Request.Path.Value ?? string.Empty, context.Request.Query);
        }

        if (answer is not { } response)
        {
            return false;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
        return true;
    }

}
