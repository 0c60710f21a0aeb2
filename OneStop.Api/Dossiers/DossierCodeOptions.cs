using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using OneStop.Dossiers;

namespace OneStop.Api.Dossiers;

/// <summary>
/// The dossier code's pattern (section <c>DossierCodes</c>; Circular 03/2025 art. 13, see <see cref="DossierCode"/>):
/// <c>{"Pattern":"{agency}-{yyMMdd}-{sequence}","CentralisedPattern":"{agency}-{yyMMdd}-{aa}{sequence}",
/// "SequenceDigits":4,"CentralisedProcedures":{"2.002154.000.00.00.H12":"01"}}</c>. A change applies to codes issued
/// after it; issued codes never change.
/// </summary>
public sealed partial class DossierCodeOptions : IValidatableObject
{
    public const string Section = "DossierCodes";

    public string Pattern { get; set; } = DossierCode.StandardPattern;

    /// <summary>The pattern of procedures run on a nationally centralised platform (Circular 04/2025).</summary>
    public string CentralisedPattern { get; set; } = DossierCode.CentralisedPattern;

    /// <summary>The sequence's minimum width (at least 4); it grows past it when a day needs more.</summary>
    public int SequenceDigits { get; set; } = 4;

    /// <summary>Procedure code → the two digits AA of the agency owning the centralised system it runs on.</summary>
    public Dictionary<string, string> CentralisedProcedures { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DossierCode.Problem(Pattern, SequenceDigits, centralised: false) is { } pattern)
        {
            yield return new ValidationResult(pattern, [nameof(Pattern)]);
        }

        if (DossierCode.Problem(CentralisedPattern, SequenceDigits, centralised: true) is { } centralised)
        {
            yield return new ValidationResult(centralised, [nameof(CentralisedPattern)]);
        }

        foreach (var (procedure, aa) in CentralisedProcedures)
        {
            if (!TwoDigits().IsMatch(aa ?? string.Empty))
            {
                yield return new ValidationResult($"{procedure}: AA is two ASCII digits.", [nameof(CentralisedProcedures)]);
            }
        }
    }

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex TwoDigits();
}
