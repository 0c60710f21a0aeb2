using OneStop.Dossiers;

namespace OneStop.Jobs.Ledger;

/// <summary>
/// The folder of signed checkpoints (<see cref="LedgerCheckpoint"/>), outside the database: one file a checkpoint,
/// <c>checkpoint-NNNNNNNN-YYYYMMDDTHHMMSSZ.json</c> (a running number, so that names sort in the order written), never
/// rewritten. An auditor copies the folder.
/// </summary>
public sealed class CheckpointStore(string folder)
{
    /// <summary>The folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>The latest file's name and content; null when there is none.</summary>
    public (string Name, string Content)? Latest()
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        var latest = Directory.EnumerateFiles(Folder, "checkpoint-*.json").Order(StringComparer.Ordinal).LastOrDefault();
        return latest is null ? null : (Path.GetFileName(latest), File.ReadAllText(latest));
    }

    /// <summary>The latest checkpoint whose signature holds under the keys; null when none (a forged or damaged file does not count).</summary>
    public LedgerCheckpoint? LatestValid(LedgerKeyRing keys)
    {
        if (Latest() is not { } latest)
        {
            return null;
        }

        try
        {
            var checkpoint = LedgerCheckpoint.Parse(latest.Content);
            return checkpoint.SignatureHolds(keys) ? checkpoint : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Writes a checkpoint as a new file; returns its name.</summary>
    public string Write(LedgerCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Directory.CreateDirectory(Folder);
        var number = Directory.EnumerateFiles(Folder, "checkpoint-*.json").Count() + 1;
        var name = "checkpoint-" + number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "-"
            + checkpoint.CreatedAt.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + ".json";
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, checkpoint.ToJson());
        File.Move(temporary, path, overwrite: false);
        return name;
    }
}
