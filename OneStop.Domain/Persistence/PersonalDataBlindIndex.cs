using System.Security.Cryptography;
using System.Text;

namespace OneStop.Persistence;

/// <summary>
/// A keyed blind index of the encrypted personal numbers (id number, phone), so that a desk can find a dossier by
/// them without decrypting a single row: HMAC-SHA256 under a key that is never in the database, of the normalised
/// value, as 64 lowercase hex digits. The kind (id number or phone) is part of the MAC's input, so the same digits
/// as an id number and as a phone give different entries. Equal numbers give equal entries (that is what makes them
/// searchable); without the key an entry cannot be checked against a guess.
/// </summary>
public sealed class PersonalDataBlindIndex
{
    private const string DerivationLabel = "OneStop personal-data blind index v1";
    private readonly byte[] _key;

    /// <param name="key">32 bytes.</param>
    public PersonalDataBlindIndex(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("The blind-index key must be 32 bytes (base64 of 32 random bytes).", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>
    /// The index key when none is configured: derived from the personal-data key with HKDF-SHA256 under a label of its
    /// own, so it is kept exactly where that key is kept and the two keys are independent.
    /// </summary>
    public static PersonalDataBlindIndex DerivedFrom(byte[] personalDataKey) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, personalDataKey, 32, salt: null, info: Encoding.UTF8.GetBytes(DerivationLabel)));

    /// <summary>An id number as compared: its digits only ("001 090 012 345" is "001090012345"); null without digits.</summary>
    public static string? NormalizeIdNumber(string? value) => Digits(value) is { Length: > 0 } digits ? digits : null;

    /// <summary>
    /// A phone number as compared: its digits only, the country code of Viet Nam written as the trunk prefix 0
    /// ("+84 912 345 678", "0084912345678" and "84912345678" are "0912345678"); null without digits.
    /// </summary>
    public static string? NormalizePhone(string? value)
    {
        if (Digits(value) is not { Length: > 0 } digits)
        {
            return null;
        }

        var trimmed = value!.TrimStart();
        if (trimmed.StartsWith('+') && digits.StartsWith("84", StringComparison.Ordinal))
        {
            return "0" + digits[2..];
        }

        if (digits.StartsWith("0084", StringComparison.Ordinal))
        {
            return "0" + digits[4..];
        }

        // 84 and nine digits: a mobile or landline number written with the country code but without the plus.
        return digits.Length == 11 && digits.StartsWith("84", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }

    /// <summary>The entry of an id number; null when it has no digits.</summary>
    public string? OfIdNumber(string? value) => NormalizeIdNumber(value) is { } normal ? Mac("id", normal) : null;

    /// <summary>The entry of a phone number; null when it has no digits.</summary>
    public string? OfPhone(string? value) => NormalizePhone(value) is { } normal ? Mac("phone", normal) : null;

    private string Mac(string kind, string normal) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(kind + "\0" + normal)));

    private static string? Digits(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
