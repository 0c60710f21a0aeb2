using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using OneStop.Calendar;

namespace OneStop.Api.Documents;

/// <summary>
/// Chooses the form set a dossier prints: by its acceptance date (before <see cref="FormOptions.Set2025From"/>,
/// 1 July 2025 by default: Circular 01/2018's; from then Circular 03/2025's), with the changes configured for the
/// agency's province applied. The one place that knows form numbers, titles and signature lines.
/// </summary>
public sealed class FormSets
{
    private readonly FormOptions _options;
    private readonly LocalDate _set2025From;
    private readonly ConcurrentDictionary<(string Province, string Set), FormSet> _applied = new();

    public FormSets(IOptions<FormOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _set2025From = ParseDate(_options.Set2025From) ?? FormSet.Decree118InForce;
    }

    /// <summary>The set for a dossier of the agency with <paramref name="agencyElectronicId"/> accepted at <paramref name="acceptedAt"/>.</summary>
    public FormSet For(string agencyElectronicId, Instant acceptedAt) => For(agencyElectronicId, OfficeTime.ToLocal(acceptedAt).Date);

    /// <summary>The set for a document of the agency dated (or, for a dossier, accepted) on <paramref name="day"/>.</summary>
    public FormSet For(string agencyElectronicId, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(agencyElectronicId);
        var province = ProvinceOf(agencyElectronicId);
        var changes = province is not null && _options.Provinces.TryGetValue(province, out var p) ? p : null;
        var from = ParseDate(changes?.Set2025From) ?? _set2025From;
        var set = FormSet.ForAcceptance(day, from);
        if (changes is null)
        {
            return set;
        }

        var forms = set.Name == FormSet.Set2018 ? changes.Set2018 : changes.Set2025;
        return forms.Count == 0 ? set : _applied.GetOrAdd((province!, set.Name), _ => Apply(set, forms));
    }

    /// <summary>
    /// The province of an agency: the level-1 code (a letter and two digits, Decision 20/2020/QĐ-TTg) among the
    /// dot-separated groups of its electronic id, whether written upwards (000.00.12.H40) or downwards (H40.12.01).
    /// </summary>
    public static string? ProvinceOf(string electronicId)
    {
        ArgumentNullException.ThrowIfNull(electronicId);
        return electronicId.Split('.').FirstOrDefault(IsProvinceCode)?.ToUpperInvariant();
    }

    /// <summary>A letter A–Z and two digits, e.g. H40.</summary>
    public static bool IsProvinceCode(string text) =>
        text is { Length: 3 } && char.IsAsciiLetter(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]);

    private static FormSet Apply(FormSet set, Dictionary<string, FormChange> changes)
    {
        var forms = set.Forms.ToDictionary();
        foreach (var (name, change) in changes)
        {
            var kind = Enum.Parse<FormKind>(name, ignoreCase: true);
            var form = forms[kind];
            forms[kind] = new FormDefinition(
                change.Number is null ? form.Number : Blank(change.Number),
                change.Title is null ? form.Title : change.Title.Trim(),
                change.DigitalSignature is null ? form.DigitalSignature : Blank(change.DigitalSignature));
        }

        return set with { Forms = forms };
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static LocalDate? ParseDate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : LocalDatePattern.Iso.Parse(text.Trim()).GetValueOrThrow();
}
