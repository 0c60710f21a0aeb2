namespace OneStop.Jobs.Ledger;

/// <summary>
/// Section <c>Ledger</c>: where the chain's keys and the signed checkpoints live, both outside the database.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>
    /// A key file (<see cref="OneStop.Dossiers.LedgerKeyRing"/>: one <c>&lt;id&gt; &lt;base64&gt;</c> a line, the last one
    /// current). Relative paths are under the content root. The embedded default creates <c>App_Keys/ledger.keys</c>
    /// once when neither this nor <see cref="Keys"/> is set; a server database needs one of them.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>Keys given in configuration instead of a file, as the file's lines (the last one current).</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>The folder the checkpoint job writes to and the checkpoint endpoint serves (default <c>App_Checkpoints</c> under the content root).</summary>
    public string CheckpointFolder { get; set; } = "App_Checkpoints";
}
