using OneStop.Dossiers;

namespace OneStop.Tests;

/// <summary>The ledger key the tests seal and verify with (never a production key).</summary>
internal static class TestLedgerKeys
{
    public static readonly byte[] Key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    /// <summary>The key as a key-file line, for <c>Ledger:Keys</c>.</summary>
    public static readonly string Line = "test " + Convert.ToBase64String(Key);

    public static readonly LedgerKeyRing Ring = new([new("test", Key)], "test");
}
