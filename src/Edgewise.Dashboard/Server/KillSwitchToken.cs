// The secret that arms the dashboard's kill switch: 128 random bits as 32 hex digits, made at start-up and printed
// once by the composition. Compared in constant time, so response timing says nothing about how much of a guess
// was right (only its length, which is public).
using System.Security.Cryptography;
using System.Text;

namespace Edgewise.Dashboard.Server;

public sealed class KillSwitchToken
{
    /// <summary>The request header that must carry the token.</summary>
    public const string HeaderName = "X-Edgewise-Token";

    private readonly byte[] _expected;

    public KillSwitchToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length < 32)
        {
            throw new ArgumentException("A kill-switch token needs at least 32 characters (128 bits as hex).", nameof(value));
        }

        Value = value;
        _expected = Encoding.UTF8.GetBytes(value);
    }

    public string Value { get; }

    /// <summary>A new token: 16 bytes from the system's cryptographic random generator, as lowercase hex.</summary>
    public static KillSwitchToken Generate() => new(RandomNumberGenerator.GetHexString(32, lowercase: true));

    /// <summary>True when <paramref name="presented"/> is exactly the token.</summary>
    public bool Matches(string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
    }

    public override string ToString() => "KillSwitchToken(****)";
}
