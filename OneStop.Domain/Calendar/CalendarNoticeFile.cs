using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace OneStop.Calendar;

/// <summary>
/// Reads and writes notices in the seed format of <c>database/seed/calendar-notices.json</c>:
/// <c>{"notices":[{"key","year","covers","documentNumber","name","daysOff","makeUpWorkingDays",...}]}</c>,
/// dates as ISO <c>yyyy-MM-dd</c>.
/// </summary>
public static class CalendarNoticeFile
{
    private const string SeedResource = "OneStop.Calendar.calendar-notices.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The notices shipped with the product (2016–2026 as compiled; see database/README.md).</summary>
    public static IReadOnlyList<CalendarNotice> LoadSeed()
    {
        using var stream = typeof(CalendarNoticeFile).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The embedded resource {SeedResource} is missing.");
        return Read(stream);
    }

    /// <summary>Reads notices from a seed-format stream.</summary>
    /// <exception cref="FormatException">The document is not in the seed format.</exception>
    public static IReadOnlyList<CalendarNotice> Read(Stream stream)
    {
        SeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SeedDocument>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException("The calendar notice file is not valid JSON: " + e.Message, e);
        }

        return (document?.Notices ?? throw new FormatException("The file has no 'notices' array."))
            .Select(n => new CalendarNotice(
                n.Key ?? throw new FormatException("A notice has no key."),
                n.Year,
                n.Covers ?? [],
                n.DocumentNumber ?? throw new FormatException($"Notice {n.Key} has no document number."),
                n.Name ?? n.Key,
                ParseDates(n.DaysOff, n.Key),
                ParseDates(n.MakeUpWorkingDays, n.Key)))
            .ToList();
    }

    private static List<LocalDate> ParseDates(IEnumerable<string>? dates, string key) =>
        (dates ?? []).Select(d =>
        {
            var result = LocalDatePattern.Iso.Parse(d);
            return result.Success ? result.Value : throw new FormatException($"Notice {key}: '{d}' is not a yyyy-MM-dd date.");
        }).ToList();

    private sealed record SeedDocument(List<SeedNotice>? Notices);

    private sealed record SeedNotice(
        string? Key,
        int Year,
        List<HolidayPeriod>? Covers,
        string? DocumentNumber,
        string? Name,
        List<string>? DaysOff,
        List<string>? MakeUpWorkingDays);
}
