using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace OneStop.Persistence;

/// <summary>Instants as UTC <see cref="DateTime"/> (timestamptz, datetime2, ISO text on SQLite: all sort correctly).</summary>
internal sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

/// <summary>Times of day as <see cref="TimeOnly"/>.</summary>
internal sealed class LocalTimeConverter() : ValueConverter<LocalTime, TimeOnly>(
    t => t.ToTimeOnly(),
    t => LocalTime.FromTimeOnly(t));

/// <summary>A list of records stored as a JSON text column.</summary>
internal sealed class JsonListConverter<T>() : ValueConverter<List<T>, string>(
    v => JsonSerializer.Serialize(v, JsonListOptions.Options),
    s => JsonSerializer.Deserialize<List<T>>(s, JsonListOptions.Options) ?? new List<T>());

/// <summary>Compares JSON lists by content, so that EF sees in-place changes.</summary>
internal sealed class JsonListComparer<T>() : ValueComparer<List<T>>(
    (a, b) => JsonSerializer.Serialize(a, JsonListOptions.Options) == JsonSerializer.Serialize(b, JsonListOptions.Options),
    v => JsonSerializer.Serialize(v, JsonListOptions.Options).GetHashCode(StringComparison.Ordinal),
    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, JsonListOptions.Options), JsonListOptions.Options)!);

internal static class JsonListOptions
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>Encrypts a nullable string column with <see cref="PersonalDataCipher"/> (EF never passes it nulls).</summary>
internal sealed class EncryptedStringConverter(PersonalDataCipher cipher) : ValueConverter<string?, string?>(
    v => cipher.Encrypt(v!),
    s => cipher.Decrypt(s!));
