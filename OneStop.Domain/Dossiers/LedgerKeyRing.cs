using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Dossiers;

/// <summary>
/// The keys of the ledger's chain (HMAC-SHA256). The database never holds them: they come from configuration or a
/// key file outside the database folder, so that someone who can write the database cannot recompute a hash after
/// an edit. Each event names the key it was sealed with (<see cref="DossierEvent.KeyId"/>); rotating adds a key and
/// makes it current, and events sealed with an older key keep verifying with it.
/// </summary>
/// <remarks>
/// The key file holds one key a line, <c>&lt;id&gt; &lt;base64 of at least 32 bytes&gt;</c>; the last line is the
/// current key. Lines starting with <c>#</c> are comments.
/// </remarks>
public sealed class LedgerKeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    /// <summary>A ring of keys with the one that seals new events.</summary>
    /// <exception cref="ArgumentException">No key, a short key, a bad id, or a current id that is not in the ring.</exception>
    public LedgerKeyRing(IEnumerable<KeyValuePair<string, byte[]>> keys, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, key) in keys)
        {
            if (string.IsNullOrWhiteSpace(id) || id.Length > 40 || id.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"A ledger key id is 1 to 40 characters without spaces: '{id}'.", nameof(keys));
            }

            if (key is not { Length: >= 32 })
            {
                throw new ArgumentException($"Ledger key '{id}' must have at least 32 bytes.", nameof(keys));
            }

            _keys[id] = key;
        }

        if (!_keys.ContainsKey(currentKeyId ?? string.Empty))
        {
            throw new ArgumentException($"The current ledger key '{currentKeyId}' is not in the ring.", nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId!;
    }

    /// <summary>The key that seals new events and checkpoints.</summary>
    public string CurrentKeyId { get; }

    /// <summary>The ids of every key in the ring.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Reads a key file (see the remarks on the type).</summary>
    /// <exception cref="FormatException">A line that is not an id and a base64 key.</exception>
    public static LedgerKeyRing Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keys = new List<KeyValuePair<string, byte[]>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException("A ledger key line is '<id> <base64 key>'.");
            }

            keys.Add(new(parts[0], Convert.FromBase64String(parts[1])));
        }

        if (keys.Count == 0)
        {
            throw new FormatException("The ledger key file holds no key.");
        }

        return new LedgerKeyRing(keys, keys[^1].Key);
    }

    /// <summary>A new key line for a key file: a dated id and 32 random bytes.</summary>
    public static string NewKeyLine(NodaTime.Instant now) =>
        string.Create(CultureInfo.InvariantCulture, $"k{now.ToUnixTimeSeconds()} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");

    /// <summary>Whether the ring holds a key of this id.</summary>
    public bool Knows(string? keyId) => keyId is not null && _keys.ContainsKey(keyId);

    /// <summary>HMAC-SHA256 of the text under the key, lower-case hex.</summary>
    /// <exception cref="KeyNotFoundException">The ring has no such key.</exception>
    public string Mac(string keyId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new KeyNotFoundException($"The ledger key '{keyId}' is not in the ring.");
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }
}
