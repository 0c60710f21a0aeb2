using System.Text.Json;

namespace OneStop.Dossiers;

/// <summary>Builds an event's details as canonical JSON: keys in ordinal order, string values, nulls left out.</summary>
public static class EventDetails
{
    /// <summary>Canonical JSON for the pairs.</summary>
    public static string Of(params (string Key, string? Value)[] pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (value is not null)
            {
                sorted[key] = value;
            }
        }

        return JsonSerializer.Serialize(sorted);
    }

    /// <summary>Reads details back.</summary>
    public static IReadOnlyDictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
