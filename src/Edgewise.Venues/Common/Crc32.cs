// CRC-32 as zlib and IEEE 802.3 define it (reflected polynomial 0xEDB88320, initial value and final
// xor 0xFFFFFFFF). Kraken's book checksum is this CRC over a string built level by level, so Append
// continues a running value the way zlib's crc32(crc, buf) does and no concatenated buffer is needed.
namespace Edgewise.Venues.Common;

public static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320u;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0u, data);

    /// <summary>Continues <paramref name="crc"/> (a finished CRC-32 value; 0 to start) over more bytes.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
