// Kalshi's own account of what we hold, for restart recovery in live mode (IVenueStateReport): GET /portfolio/positions
// (market_positions, every page) and GET /portfolio/orders?status=resting (every page), both signed. A market position is
// YES-positive: +n is n YES contracts, −n is n NO contracts, reported on the instrument the caller names for that side (the
// engine trades YES and NO as two instruments). Field names, unverified against a recorded answer (FACTS has none): the
// position is read from "position_fp" (fixed-point text) or else "position" (whole contracts); an order's limit from
// "<side>_price_dollars" or else "<side>_price" (cents). Anything unreadable makes the whole report unavailable, named:
// recovery must not compare against a half-read account. Cash is not reported: Kalshi's balance is the account's, while a
// run's ledger starts at zero, so the two are not the same money.
using System.Globalization;
using System.Text.Json;
using Edgewise.Core.Contracts;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using Edgewise.Core.Time;

namespace Edgewise.Venues.Kalshi;

public sealed class KalshiVenueStateReport : IVenueStateReport
{
    /// <summary>Pages read per list before the report gives up (a cursor that never ends).</summary>
    public const int MaxPages = 100;

    private readonly KalshiRestClient _rest;
    private readonly TimeProvider _clock;
    private readonly Func<string, OutcomeSide, InstrumentId> _instrumentOf;

    /// <param name="rest">A signed client (the portfolio endpoints need the credentials).</param>
    /// <param name="clock">Stamps the report.</param>
    /// <param name="instrumentOf">The engine's instrument for a market ticker's YES or NO side.</param>
    public KalshiVenueStateReport(KalshiRestClient rest, TimeProvider clock, Func<string, OutcomeSide, InstrumentId> instrumentOf)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(instrumentOf);
        _rest = rest;
        _clock = clock;
        _instrumentOf = instrumentOf;
    }

    public string Venue => KalshiParser.VenueName;

    public async Task<VenueState> FetchAsync(CancellationToken ct)
    {
        var positions = new List<VenuePosition>();
        await ReadPagesAsync(cursor => _rest.GetPositionsAsync(cursor, ct), "market_positions", ReadPosition, positions).ConfigureAwait(false);
        var orders = new List<VenueOpenOrder>();
        await ReadPagesAsync(cursor => _rest.GetOrdersAsync(ticker: null, status: "resting", cursor, ct), "orders", ReadOrder, orders)
            .ConfigureAwait(false);
        return new VenueState(_clock.GetUnixNs(), positions, orders, Cash: null);
    }

    private static async Task ReadPagesAsync<T>(Func<string?, Task<KalshiRestResult>> get, string arrayName, Func<JsonElement, T?> read, List<T> into)
        where T : class
    {
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await get(cursor).ConfigureAwait(false);
            if (!result.IsOk)
            {
                throw new VenueStateUnavailableException($"Kalshi {result.Endpoint}: {result}");
            }

            try
            {
                using var document = JsonDocument.Parse(result.Body);
                if (!document.RootElement.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
                {
                    throw new VenueStateUnavailableException($"Kalshi {result.Endpoint}: the answer has no '{arrayName}' array");
                }

                foreach (var element in array.EnumerateArray())
                {
                    if (read(element) is { } item)
                    {
                        into.Add(item);
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new VenueStateUnavailableException($"Kalshi {result.Endpoint}: not JSON: {ex.Message}", ex);
            }
            catch (FormatException ex)
            {
                throw new VenueStateUnavailableException($"Kalshi {result.Endpoint}: {ex.Message}", ex);
            }

            cursor = result.ReadCursor();
            if (cursor is null)
            {
                return;
            }
        }

        throw new VenueStateUnavailableException($"Kalshi {arrayName}: still more pages after {MaxPages}");
    }

    /// <summary>A held position; null for a flat one (Kalshi lists markets with resting orders and no position).</summary>
    private VenuePosition? ReadPosition(JsonElement element)
    {
        var ticker = Text(element, "ticker") ?? throw new FormatException("a market position has no 'ticker'");
        var position = Text(element, "position_fp") is { } fp ? ParseDecimal(fp, ticker, "position_fp")
            : element.TryGetProperty("position", out var whole) && whole.TryGetInt64(out var contracts) ? contracts
            : throw new FormatException($"market position {ticker}: neither 'position_fp' nor 'position'");
        return position == 0m ? null
            : new VenuePosition(_instrumentOf(ticker, position > 0m ? OutcomeSide.Yes : OutcomeSide.No), Quantity.FromDecimal(Math.Abs(position)));
    }

    private VenueOpenOrder ReadOrder(JsonElement element)
    {
        var order = KalshiPortfolioReader.ReadOrder(element, out var error) ?? throw new FormatException(error);
        var side = order.Side == OutcomeSide.Yes ? "yes" : "no";
        var price = Text(element, side + "_price_dollars") is { } dollars ? ParseDecimal(dollars, order.OrderId, side + "_price_dollars")
            : element.TryGetProperty(side + "_price", out var cents) && cents.TryGetInt64(out var c) ? c / 100m
            : throw new FormatException($"order {order.OrderId}: neither '{side}_price_dollars' nor '{side}_price'");
        var remaining = order.RemainingCount ?? throw new FormatException($"order {order.OrderId}: resting without 'remaining_count'");
        return new VenueOpenOrder(order.ClientOrderId, order.OrderId, _instrumentOf(order.Ticker, order.Side), order.Action,
            Price.FromDecimal(price), order.FillCount + remaining, order.FillCount);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal ParseDecimal(string text, string what, string field) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{what}: '{field}' is '{text}', not a number");
}
