using System.Security.Cryptography;
using System.Text;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// The check value the receipt's QR code carries beside the code: an HMAC-SHA256 of the normalised code under a
/// server key, 96 bits in base64url. The code alone (printed, predictable) does not give it, so only whoever holds
/// the receipt may rate the service (Decree 309/2026 art. 6). The key is derived (HKDF) from the personal-data key,
/// which every instance of one installation shares.
/// </summary>
public sealed class ReceiptCheck
{
    private const int Bytes = 12;
    private readonly byte[] _key;

    /// <summary>The longest check value accepted in a request (a real one is far shorter).</summary>
    public const int MaxLength = 128;

    public ReceiptCheck(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.UTF8.GetBytes("OneStop receipt check v1"));
    }

    /// <summary>The check value of <paramref name="code"/> (any case, any surrounding spaces).</summary>
    public string For(string code)
    {
        var normal = PublicCode.Normalize(code) ?? throw new ArgumentException("Not a dossier code.", nameof(code));
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normal));
        return Convert.ToBase64String(mac, 0, Bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="check"/> is the code's check value; compared in constant time.</summary>
    public bool Verify(string code, string? check)
    {
        if (string.IsNullOrEmpty(check) || PublicCode.Normalize(code) is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(code)), Encoding.ASCII.GetBytes(check.Trim()));
    }
}
