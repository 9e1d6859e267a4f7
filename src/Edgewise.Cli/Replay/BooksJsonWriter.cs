// Writes the top levels of every book as the foundation issue specifies:
//   {"<instrument>": {"bids": [["<price>","<qty>"], ...], "asks": [...], "healthy": true|false, "last_update_id": <int or null>}}
// Instruments are sorted by symbol and numbers are written with the venue's own decimals, so two replays of the
// same input produce byte-identical files.
using System.Text.Json;
using Edgewise.Core.Books;

namespace Edgewise.Cli.Replay;

internal static class BooksJsonWriter
{
    public const int DefaultDepth = 5;

    public static void Write(Stream output, IEnumerable<IOrderBook> books, Func<IOrderBook, (int Price, int Size)> decimals, int depth = DefaultDepth)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(decimals);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Span<BookLevel> levels = stackalloc BookLevel[depth];
        json.WriteStartObject();
        foreach (var book in books.OrderBy(b => b.Instrument.Symbol, StringComparer.Ordinal))
        {
            var (priceDecimals, sizeDecimals) = decimals(book);
            json.WriteStartObject(book.Instrument.Symbol);
            WriteSide(json, "bids", book, BookSide.Bid, levels, priceDecimals, sizeDecimals);
            WriteSide(json, "asks", book, BookSide.Ask, levels, priceDecimals, sizeDecimals);
            json.WriteBoolean("healthy", book.Health == BookHealth.Healthy);
            if (book.LastUpdateId is { } id)
            {
                json.WriteNumber("last_update_id", id);
            }
            else
            {
                json.WriteNull("last_update_id");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, IOrderBook book, BookSide side, Span<BookLevel> levels, int priceDecimals, int sizeDecimals)
    {
        json.WriteStartArray(name);
        var count = book.CopyLevels(side, levels);
        foreach (var level in levels[..count])
        {
            json.WriteStartArray();
            json.WriteStringValue(level.Price.ToString(priceDecimals));
            json.WriteStringValue(level.Size.ToString(sizeDecimals));
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
