using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace OneStop.Dossiers;

/// <summary>
/// A dated, signed record of every chain's head (event count and last hash), written outside the database
/// (domain.md, "True lateness": the heads are anchored). An auditor keeps copies; <c>verify</c> checks each dossier
/// against the latest one, so that a history rewritten and re-hashed, even with the key, no longer reaches the head
/// the checkpoint saw. The signature is HMAC-SHA256 under a ledger key (<see cref="KeyId"/>) over
/// <see cref="SignedText"/>; <see cref="Previous"/> is the SHA-256 of the previous checkpoint file, so that the
/// checkpoints form a chain of their own.
/// </summary>
public sealed record LedgerCheckpoint(Instant CreatedAt, string KeyId, string? Previous, IReadOnlyList<CheckpointHead> Heads, string Signature)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A checkpoint of the heads, signed with the ring's current key.</summary>
    public static LedgerCheckpoint Create(Instant createdAt, IEnumerable<CheckpointHead> heads, string? previous, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(keys);
        var sorted = heads.OrderBy(h => h.DossierId).ToList();
        var unsigned = new LedgerCheckpoint(createdAt, keys.CurrentKeyId, previous, sorted, string.Empty);
        return unsigned with { Signature = keys.Mac(keys.CurrentKeyId, unsigned.SignedText()) };
    }

    /// <summary>The text the signature covers: time, key id, previous file's hash, then one line a head.</summary>
    public string SignedText()
    {
        var text = new StringBuilder();
        text.Append(InstantPattern.ExtendedIso.Format(CreatedAt)).Append('\n').Append(KeyId).Append('\n').Append(Previous).Append('\n');
        foreach (var h in Heads)
        {
            text.Append(h.DossierId.ToString("N")).Append(' ').Append(h.Count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(h.Hash).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Whether the signature holds under the ring's key of that id.</summary>
    public bool SignatureHolds(LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Knows(KeyId) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(keys.Mac(KeyId, SignedText())), Encoding.ASCII.GetBytes(Signature));
    }

    /// <summary>The head of one dossier, when the checkpoint has it.</summary>
    public CheckpointHead? HeadOf(Guid dossierId) => Heads.FirstOrDefault(h => h.DossierId == dossierId);

    /// <summary>The file's content.</summary>
    public string ToJson() => JsonSerializer.Serialize(new CheckpointFile(InstantPattern.ExtendedIso.Format(CreatedAt), KeyId, Previous, Heads, Signature), Json);

    /// <summary>Reads a checkpoint file.</summary>
    /// <exception cref="FormatException">Not a checkpoint.</exception>
    public static LedgerCheckpoint Parse(string json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(json, Json) ?? throw new FormatException("Empty checkpoint.");
            return new LedgerCheckpoint(InstantPattern.ExtendedIso.Parse(file.CreatedAt).GetValueOrThrow(), file.KeyId, file.Previous, file.Heads ?? [], file.Signature);
        }
        catch (Exception e) when (e is JsonException or UnparsableValueException or ArgumentNullException)
        {
            throw new FormatException("Not a ledger checkpoint.", e);
        }
    }

    /// <summary>The SHA-256 of a checkpoint file's content, the next checkpoint's <see cref="Previous"/>.</summary>
    public static string FileHash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private sealed record CheckpointFile(string CreatedAt, string KeyId, string? Previous, IReadOnlyList<CheckpointHead>? Heads, string Signature);
}

/// <summary>A chain's head in a checkpoint: the dossier, its code, its event count and its last event's hash.</summary>
public sealed record CheckpointHead(Guid DossierId, string Code, int Count, string Hash);
