// Maps a symbol's UTF-8 bytes (as they appear in a frame) to its InstrumentId without allocating a string
// per message: a venue connection carries a handful of symbols, so a short linear scan beats hashing.
using System.Text;
using Edgewise.Core.Instruments;

namespace Edgewise.Venues.Common;

public sealed class SymbolTable
{
    private readonly string _venue;
    private readonly List<(byte[] Utf8, InstrumentId Id)> _entries = [];

    public SymbolTable(string venue) => _venue = venue;

    public int Count => _entries.Count;

    /// <summary>The only instrument seen so far, or null when none or several (used for frames that carry no symbol).</summary>
    public InstrumentId? OnlyInstrument => _entries.Count == 1 ? _entries[0].Id : null;

    public InstrumentId Get(ReadOnlySpan<byte> symbol)
    {
        foreach (var (utf8, id) in _entries)
        {
            if (symbol.SequenceEqual(utf8))
            {
                return id;
            }
        }

        var text = Encoding.UTF8.GetString(symbol);
        var created = new InstrumentId(_venue, text);
        _entries.Add((symbol.ToArray(), created));
        return created;
    }

    public InstrumentId Get(string symbol) => Get(Encoding.UTF8.GetBytes(symbol));
}
