using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Tests.Api.Lateness;

/// <summary>Reading a dossier's lateness answer (<c>GET /api/dossiers/{code}/lateness</c>) in the scenario tests.</summary>
internal static class AuditJson
{
    /// <summary>The scenarios' way to write an office time: "2025-03-03 09:00".</summary>
    public static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>The finding kinds, sorted.</summary>
    public static string[] Kinds(JsonElement audit) =>
        audit.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The one finding of <paramref name="kind"/>.</summary>
    public static JsonElement Finding(JsonElement audit, string kind) =>
        Assert.Single(audit.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == kind);

    /// <summary>The events a finding cites, as kind and sequence.</summary>
    public static (string Kind, int Sequence)[] Cited(JsonElement finding) =>
        finding.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("sequence").GetInt32())).ToArray();

    /// <summary>"2025-03-03 09:00" in office time.</summary>
    public static Instant T(string local) => OfficeTime.ToInstant(Pattern.Parse(local).GetValueOrThrow());

    /// <summary>"2025-03-03 09:00" as the API writes it.</summary>
    public static string Iso(string local) => OfficeTime.FormatIso(T(local));
}
