using System.Text;
using Edgewise.Venues.Common;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Venues.Common;

public class Crc32Tests
{
    [Fact]
    public void Compute_CheckString_IsTheStandardCheckValue()
    {
        // The catalogued check value of CRC-32/ISO-HDLC (zlib, IEEE 802.3) for "123456789".
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_QuickBrownFox_MatchesZlib()
    {
        // zlib.crc32(b"The quick brown fox jumps over the lazy dog") = 0x414FA339, a widely published vector.
        Assert.Equal(0x414FA339u, Crc32.Compute("The quick brown fox jumps over the lazy dog"u8));
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Append_SplitAnywhere_EqualsComputeOfTheWhole()
    {
        Prop.ForAll<string, int>((text, cut) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text ?? string.Empty);
            var at = bytes.Length == 0 ? 0 : (int)((uint)cut % (uint)(bytes.Length + 1));
            return Crc32.Append(Crc32.Compute(bytes.AsSpan(0, at)), bytes.AsSpan(at)) == Crc32.Compute(bytes);
        }).QuickCheckThrowOnFailure();
    }
}
