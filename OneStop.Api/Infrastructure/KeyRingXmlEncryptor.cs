using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace OneStop.Api.Infrastructure;

/// <summary>
/// Encrypts the Data Protection keys before they are stored in the database: AES-256-GCM under a key derived
/// (HKDF-SHA256) from <c>PersonalData:Key</c>, so that someone who can read the database but does not hold that
/// key cannot forge a sign-in cookie or token. The stored element is
/// <c>&lt;encryptedKey&gt;&lt;value&gt;base64(nonce ‖ tag ‖ ciphertext)&lt;/value&gt;&lt;/encryptedKey&gt;</c>.
/// </summary>
public sealed class KeyRingXmlEncryptor : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("OneStop.DataProtection.KeyRing");

    private readonly byte[] _key;

    private KeyRingXmlEncryptor(byte[] key) => _key = key;

    /// <summary>The encryptor under the key derived from the personal-data key.</summary>
    public static KeyRingXmlEncryptor FromPersonalDataKey(byte[] personalDataKey) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, personalDataKey, 32, salt: [], info: Purpose));

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Purpose);
        }

        var element = new XElement("encryptedKey", new XComment(" AES-256-GCM under a key derived from PersonalData:Key "), new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> stored.</summary>
    /// <exception cref="CryptographicException">The element was encrypted under another key, or altered.</exception>
    internal XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored Data Protection key is truncated.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Purpose);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>
/// The decrypting half of <see cref="KeyRingXmlEncryptor"/>. Data Protection creates it by type (the stored XML
/// names it) with the application's services, where it finds the encryptor and its key.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        services.GetRequiredService<KeyRingXmlEncryptor>().Decrypt(encryptedElement);
}
