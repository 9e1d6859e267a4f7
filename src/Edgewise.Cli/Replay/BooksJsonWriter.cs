// Writes the top levels of every book as the foundation issue specifies:
//   {"<instrument>": {"bids": [["<price>","<qty>"], ...], "asks": [...], "healthy": true|false, "last_update_id": <int or null>}}
// (A replay over several venues keys books by "<symbol>.<venue>" instead.) Instruments are sorted by key and numbers are written with the venue's own decimals, so two replays of the
// same input produce byte-identical files.
using System.Text.Json;
using Edgewise.Core.Books;
using Edgewise.Core.Instruments;

namespace Edgewise.Cli.Replay;

internal static class BooksJsonWriter
{
    public const int DefaultDepth = 5;

    /// <summary>Writes the top <paramref name="depth"/> levels of each book; <paramref name="key"/> names a book (its symbol when null), in key order.</summary>
    public static void Write(Stream output, IEnumerable<IOrderBook> books, Func<IOrderBook, (int Price, int Size)> decimals, int depth = DefaultDepth,
        Func<InstrumentId, string>? key = null)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(decimals);
        key ??= id => id.Symbol;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Span<BookLevel> levels = stackalloc BookLevel[depth];
        json.WriteStartObject();
        foreach (var book in books.OrderBy(b => key(b.Instrument), StringComparer.Ordinal))
        {
            var (priceDecimals, sizeDecimals) = decimals(book);
            json.WriteStartObject(key(book.Instrument));
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
