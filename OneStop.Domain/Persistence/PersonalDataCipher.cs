using System.Security.Cryptography;
using System.Text;

namespace OneStop.Persistence;

/// <summary>
/// AES-256-GCM for personal id numbers and phone numbers at rest (Decree 13/2023, domain rule 12). The stored
/// form is <c>v1:</c> + base64(nonce | ciphertext | tag); a fresh nonce per value.
/// </summary>
public sealed class PersonalDataCipher
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="key">32 bytes.</param>
    /// <param name="indexKey">32 bytes for the blind index of these values; null derives it from <paramref name="key"/>.</param>
    public PersonalDataCipher(byte[] key, byte[]? indexKey = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("The personal-data key must be 32 bytes (base64 of 32 random bytes).", nameof(key));
        }

        _key = key.ToArray();
        BlindIndex = indexKey is null ? PersonalDataBlindIndex.DerivedFrom(key) : new PersonalDataBlindIndex(indexKey);
    }

    /// <summary>The searchable, keyed index of the values this cipher encrypts.</summary>
    public PersonalDataBlindIndex BlindIndex { get; }

    public string Encrypt(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var buffer = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plainBytes, buffer.AsSpan(NonceSize, plainBytes.Length), buffer.AsSpan(NonceSize + plainBytes.Length));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public string Decrypt(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("The value is not in the encrypted format.");
        }

        var buffer = Convert.FromBase64String(stored[Prefix.Length..]);
        var length = buffer.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize, length), buffer.AsSpan(NonceSize + length), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
