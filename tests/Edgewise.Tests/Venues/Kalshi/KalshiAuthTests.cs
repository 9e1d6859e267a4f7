using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Edgewise.TestKit;
using Edgewise.Venues.Kalshi;

namespace Edgewise.Tests.Venues.Kalshi;

public sealed class KalshiAuthTests : IDisposable
{
    private const string KeyId = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

    // 2026-01-01T00:00:00Z (ManualTimeProvider's start) = 1767225600 s.
    private const long StartMs = 1_767_225_600_000;

    private readonly RSA _key = RSA.Create(2048);
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _key.Dispose();

    private KalshiAuth Auth(string pem) => KalshiAuth.FromPem(KeyId, pem, _clock);

    [Fact]
    public void MessageToSign_GetWithQueryString_QueryNotSigned()
    {
        Assert.Equal(
            "1703123456789GET/trade-api/v2/portfolio/orders",
            KalshiAuth.MessageToSign(1703123456789, "GET", "/trade-api/v2/portfolio/orders?limit=5"));
    }

    [Fact]
    public void MessageToSign_LowerCaseMethodWithoutQuery_MethodUpperCased()
    {
        Assert.Equal("1703123456789POST/trade-api/v2/portfolio/orders", KalshiAuth.MessageToSign(1703123456789, "post", "/trade-api/v2/portfolio/orders"));
    }

    [Fact]
    public void MessageToSign_PathNotFromTheRoot_Throws()
    {
        Assert.Throws<ArgumentException>(() => KalshiAuth.MessageToSign(1, "GET", "portfolio/orders"));
    }

    [Theory]
    [InlineData(false)] // PKCS#1 "RSA PRIVATE KEY"
    [InlineData(true)] // PKCS#8 "PRIVATE KEY"
    public void Sign_KeyFromPem_SignatureVerifiesWithThePublicHalfOverTheExactMessage(bool pkcs8)
    {
        using var auth = Auth(pkcs8 ? _key.ExportPkcs8PrivateKeyPem() : _key.ExportRSAPrivateKeyPem());
        _clock.Advance(TimeSpan.FromMilliseconds(789));

        var headers = auth.Sign("GET", "/trade-api/v2/portfolio/orders?limit=5");

        Assert.Equal((KeyId, "1767225600789"), (headers.KeyId, headers.TimestampMs));
        var message = Encoding.UTF8.GetBytes("1767225600789GET/trade-api/v2/portfolio/orders");
        Assert.True(_key.VerifyData(message, Convert.FromBase64String(headers.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.False(_key.VerifyData(Encoding.UTF8.GetBytes("1767225600789GET/trade-api/v2/portfolio/orders?limit=5"),
            Convert.FromBase64String(headers.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    [Fact]
    public void Sign_Signature_IsPssWithMgf1Sha256AndA32ByteSalt()
    {
        using var auth = Auth(_key.ExportPkcs8PrivateKeyPem());

        var headers = auth.Sign("DELETE", "/trade-api/v2/portfolio/orders/abc", StartMs);

        // Decode EMSA-PSS by hand (RFC 8017 §9.1.2) with the public key, independently of .NET's verifier.
        var message = Encoding.UTF8.GetBytes($"{StartMs}DELETE/trade-api/v2/portfolio/orders/abc");
        Assert.Equal(32, PssSaltLength(_key.ExportParameters(false), Convert.FromBase64String(headers.Signature), message));
    }

    [Fact]
    public void SignWebSocketHandshake_SignsGetOfTheWebSocketPath()
    {
        using var auth = Auth(_key.ExportRSAPrivateKeyPem());

        var headers = auth.SignWebSocketHandshake();

        Assert.Equal("1767225600000", headers.TimestampMs);
        Assert.True(_key.VerifyData(Encoding.UTF8.GetBytes("1767225600000GET/trade-api/ws/v2"),
            Convert.FromBase64String(headers.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.Equal(
            [KalshiSignedHeaders.KeyHeader, KalshiSignedHeaders.TimestampHeader, KalshiSignedHeaders.SignatureHeader],
            headers.ToHeaders().Select(h => h.Key));
        Assert.Equal(["KALSHI-ACCESS-KEY", "KALSHI-ACCESS-TIMESTAMP", "KALSHI-ACCESS-SIGNATURE"], headers.ToHeaders().Select(h => h.Key));
    }

    [Fact]
    public void ToString_NeverShowsKeyMaterial()
    {
        var pem = _key.ExportRSAPrivateKeyPem();
        using var auth = Auth(pem);

        var text = auth.ToString();

        Assert.Contains(KeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", text, StringComparison.Ordinal);
        var body = pem.Split('\n')[1]; // the first base64 line of the key
        Assert.DoesNotContain(body[..16], text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_PublicKeyOrGarbage_RefusedWithoutQuotingTheText()
    {
        var publicPem = _key.ExportSubjectPublicKeyInfoPem();

        var ex = Assert.Throws<ArgumentException>(() => Auth(publicPem));
        Assert.Contains("'PUBLIC KEY'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(publicPem.Split('\n')[1][..16], ex.Message, StringComparison.Ordinal);

        var broken = "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----";
        var ex2 = Assert.Throws<ArgumentException>(() => Auth(broken));
        Assert.DoesNotContain("QUJD", ex2.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Auth("not a pem"));
    }

    /// <summary>EMSA-PSS-VERIFY with SHA-256 and MGF1(SHA-256); returns the salt length, or fails the test if the encoding is wrong.</summary>
    private static int PssSaltLength(RSAParameters publicKey, byte[] signature, byte[] message)
    {
        var n = new BigInteger(publicKey.Modulus, isUnsigned: true, isBigEndian: true);
        var e = new BigInteger(publicKey.Exponent, isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature, isUnsigned: true, isBigEndian: true);
        var emBits = (int)n.GetBitLength() - 1;
        var emLen = (emBits + 7) / 8;
        var m = BigInteger.ModPow(s, e, n).ToByteArray(isUnsigned: true, isBigEndian: true);
        var em = new byte[emLen];
        m.CopyTo(em, emLen - m.Length);
        const int hLen = 32;
        Assert.Equal(0xbc, em[^1]);
        var maskedDb = em[..(emLen - hLen - 1)];
        var h = em[(emLen - hLen - 1)..^1];
        var mask = Mgf1(h, maskedDb.Length);
        var db = maskedDb.Select((b, i) => (byte)(b ^ mask[i])).ToArray();
        db[0] &= (byte)(0xFF >> (8 * emLen - emBits));
        var one = Array.FindIndex(db, b => b != 0);
        Assert.Equal(0x01, db[one]);
        var salt = db[(one + 1)..];
        var mPrime = new byte[8].Concat(SHA256.HashData(message)).Concat(salt).ToArray();
        Assert.Equal(h, SHA256.HashData(mPrime));
        return salt.Length;
    }

    private static byte[] Mgf1(byte[] seed, int length)
    {
        var output = new List<byte>();
        for (var counter = 0; output.Count < length; counter++)
        {
            output.AddRange(SHA256.HashData([.. seed, (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter]));
        }

        return output.Take(length).ToArray();
    }
}
