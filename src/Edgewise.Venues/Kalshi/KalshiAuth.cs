// Kalshi request signing (FACTS §5.2). Each request carries KALSHI-ACCESS-KEY (key id), KALSHI-ACCESS-TIMESTAMP (Unix ms,
// as text) and KALSHI-ACCESS-SIGNATURE = base64(RSA-PSS(SHA-256, MGF1 SHA-256, salt 32 bytes) over the UTF-8 text
// timestamp + METHOD + path). The path runs from the API root and includes /trade-api/v2, without the query string; the
// body is not signed. A WebSocket handshake signs timestamp + "GET" + "/trade-api/ws/v2".
// .NET's RSASignaturePadding.Pss uses a salt as long as the hash (32 bytes for SHA-256), which is what Kalshi expects.
// The private key stays inside the RSA object: it is never formatted, logged or returned, and ToString names only the key id.
// Time comes from the TimeProvider given, so tests and replays sign deterministically. Ed25519 keys are not supported yet.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Edgewise.Venues.Kalshi;

public sealed class KalshiAuth : IDisposable
{
    /// <summary>The path a WebSocket handshake signs, whichever host it connects to.</summary>
    public const string WebSocketPath = "/trade-api/ws/v2";

    private readonly RSA _key;
    private readonly TimeProvider _time;

    /// <param name="keyId">The API key id (a UUID) that Kalshi shows for the key.</param>
    /// <param name="privateKey">An RSA private key; this object takes ownership and disposes it.</param>
    /// <param name="time">The clock whose Unix milliseconds stamp each signature.</param>
    public KalshiAuth(string keyId, RSA privateKey, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(time);
        KeyId = keyId;
        _key = privateKey;
        _time = time;
    }

    public string KeyId { get; }

    /// <summary>Reads an RSA private key from PEM text, PKCS#1 ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY").</summary>
    /// <exception cref="ArgumentException">The text holds no unencrypted RSA private key; the message never quotes the text.</exception>
    public static KalshiAuth FromPem(string keyId, ReadOnlySpan<char> pem, TimeProvider time)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException("The Kalshi private key is not PEM text (no -----BEGIN ...----- block found).", nameof(pem));
        }

        var label = pem[fields.Label];
        if (!label.SequenceEqual("RSA PRIVATE KEY") && !label.SequenceEqual("PRIVATE KEY"))
        {
            throw new ArgumentException(
                $"The Kalshi key PEM holds a '{label}' block; an unencrypted RSA private key (PKCS#1 'RSA PRIVATE KEY' or PKCS#8 'PRIVATE KEY') is required.",
                nameof(pem));
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            // The inner exception is not attached: key-parsing messages are not guaranteed free of key bytes.
            throw new ArgumentException("The Kalshi private key PEM could not be read as an RSA private key.", nameof(pem));
        }

        return new KalshiAuth(keyId, rsa, time);
    }

    /// <summary>Reads the key from a PEM file (the usual way Kalshi hands keys out); the file name appears in errors, the content never.</summary>
    public static KalshiAuth FromPemFile(string keyId, string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Kalshi private key file not found: {path}", path);
        }

        var text = File.ReadAllText(path);
        return FromPem(keyId, text, time);
    }

    /// <summary>
    /// The exact text that is signed: timestamp + METHOD + path, the path without its query string
    /// ("1703123456789GET/trade-api/v2/portfolio/orders" for GET /trade-api/v2/portfolio/orders?limit=5).
    /// </summary>
    /// <exception cref="ArgumentException">The method is empty or the path does not start with '/'.</exception>
    public static string MessageToSign(long timestampMs, string method, string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException(
                $"The path to sign must start at the API root ('/trade-api/v2/...'), not '{pathAndQuery}'.", nameof(pathAndQuery));
        }

        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        return string.Create(CultureInfo.InvariantCulture, $"{timestampMs}{method.ToUpperInvariant()}{path}");
    }

    /// <summary>Signs a REST request at the clock's current time.</summary>
    /// <param name="method">HTTP method ("GET", "POST", "DELETE"); upper-cased before signing.</param>
    /// <param name="pathAndQuery">Path from the API root, e.g. "/trade-api/v2/portfolio/orders?limit=5"; the query is not signed.</param>
    public KalshiSignedHeaders Sign(string method, string pathAndQuery) =>
        Sign(method, pathAndQuery, _time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Signs a request as if at <paramref name="timestampMs"/> (Unix milliseconds).</summary>
    public KalshiSignedHeaders Sign(string method, string pathAndQuery, long timestampMs)
    {
        var message = MessageToSign(timestampMs, method, pathAndQuery);
        var signature = _key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return new KalshiSignedHeaders(KeyId, timestampMs.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(signature));
    }

    /// <summary>Headers for the WebSocket upgrade request: GET /trade-api/ws/v2 at the clock's current time.</summary>
    public KalshiSignedHeaders SignWebSocketHandshake() => Sign("GET", WebSocketPath);

    /// <summary>Names the key id only; key material never appears in text.</summary>
    public override string ToString() => $"KalshiAuth(key id {KeyId})";

    public void Dispose() => _key.Dispose();
}
