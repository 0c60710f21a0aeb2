using System.Security.Cryptography;
using System.Xml.Linq;
using OneStop.Api.Infrastructure;

namespace OneStop.Tests.Api.Hosting;

/// <summary>The Data Protection keys are stored encrypted under a key derived from the personal-data key.</summary>
public sealed class KeyRingXmlEncryptorTests
{
    private static readonly XElement Key = XElement.Parse("<key id=\"1\"><descriptor><masterKey>c2VjcmV0LWtleS1tYXRlcmlhbA==</masterKey></descriptor></key>");

    [Fact]
    public void Encrypt_ThenDecrypt_GivesTheKeyBackAndStoresNoPlainText()
    {
        var encryptor = KeyRingXmlEncryptor.FromPersonalDataKey(PersonalDataKey(1));

        var stored = encryptor.Encrypt(Key);

        Assert.DoesNotContain("masterKey", stored.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", stored.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(typeof(KeyRingXmlDecryptor), stored.DecryptorType);
        Assert.True(XNode.DeepEquals(Key, encryptor.Decrypt(stored.EncryptedElement)));
    }

    [Fact]
    public void Decrypt_UnderAnotherPersonalDataKey_Throws()
    {
        var stored = KeyRingXmlEncryptor.FromPersonalDataKey(PersonalDataKey(1)).Encrypt(Key);

        Assert.ThrowsAny<CryptographicException>(() => KeyRingXmlEncryptor.FromPersonalDataKey(PersonalDataKey(2)).Decrypt(stored.EncryptedElement));
    }

    [Fact]
    public void Decrypt_AlteredCiphertext_Throws()
    {
        var encryptor = KeyRingXmlEncryptor.FromPersonalDataKey(PersonalDataKey(1));
        var stored = encryptor.Encrypt(Key).EncryptedElement;
        var value = stored.Element("value")!;
        var bytes = Convert.FromBase64String(value.Value);
        bytes[^1] ^= 1;
        value.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => encryptor.Decrypt(stored));
    }

    private static byte[] PersonalDataKey(byte seed) => Enumerable.Range(seed, 32).Select(i => (byte)i).ToArray();
}
