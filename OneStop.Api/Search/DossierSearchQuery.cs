using System.Globalization;
using NodaTime;
using OneStop.Api.Problems;
using OneStop.Dossiers;

namespace OneStop.Api.Search;

/// <summary>
/// A search over the dossiers a member of staff may see, as typed at the desk: <see cref="Text"/> is part of the
/// code, the applicant's or proxy's name (tone marks and case aside), or an id number or phone (through the blind
/// index); then the procedure (its code), statuses (any of them; none is all, returned and closed included), the
/// acceptance date range in office time (both days included), and the page.
/// </summary>
public sealed record DossierSearchQuery(string? Text, string? Procedure, IReadOnlyList<DossierStatus> Statuses, LocalDate? From, LocalDate? To, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;
    public const int MaxPage = 100_000;

    /// <summary>The field names are the query parameters', so that a problem names what the client sent.</summary>
    public static DossierSearchQuery Parse(
        string? q, string? procedure, IEnumerable<string?>? status, string? from, string? to, string? page, string? pageSize, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var text = InputPolicy.OptionalText(q, "q", MaxTextLength, validation);
        var procedureCode = InputPolicy.OptionalText(procedure, "procedure", 60, validation);
        var statuses = new List<DossierStatus>();
        foreach (var value in (status ?? []).SelectMany(s => (s ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<DossierStatus>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !InputPolicy.IsAsciiDigits(value))
            {
                if (!statuses.Contains(parsed))
                {
                    statuses.Add(parsed);
                }
            }
            else
            {
                validation.Add("status", ValidationCodes.DossierStatus, "Unknown status; one of " + string.Join(", ", Enum.GetNames<DossierStatus>()) + ".");
                break;
            }
        }

        var fromDate = InputPolicy.Date(from, "from", validation);
        var toDate = InputPolicy.Date(to, "to", validation);
        if (fromDate is { } f && toDate is { } t && t < f)
        {
            validation.Add("to", ValidationCodes.DateRange, "The end date is before the start date.");
        }

        return new DossierSearchQuery(
            text, procedureCode, statuses, fromDate, toDate,
            Number(page, "page", 1, MaxPage, 1, validation),
            Number(pageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, validation));
    }

    private static int Number(string? value, string field, int min, int max, int absent, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return absent;
        }

        if (!InputPolicy.IsAsciiDigits(value.Trim()) || !int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            validation.Add(field, ValidationCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"A whole number from {min} to {max}."), min, max);
            return absent;
        }

        return n;
    }
}
