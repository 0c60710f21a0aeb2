using System.ComponentModel.DataAnnotations;
using NodaTime.Text;

namespace OneStop.Api.Documents;

/// <summary>
/// Which form set a dossier prints, and per-province changes to it (section <c>Forms</c>):
/// <c>{"Set2025From":"2025-07-01","Provinces":{"H42":{"Set2025":{"Apology":{"Title":"Phiếu xin lỗi và hẹn lại ngày trả kết quả"},"ControlSheet":{"Number":"05"},"TrackingBook":{"Number":"06"},"StopNotice":{"Number":""}}}}}</c>.
/// </summary>
/// <remarks>
/// A dossier accepted (office date) before <see cref="Set2025From"/> prints Circular 01/2018's set, from it Circular
/// 03/2025's. A province is the level-1 code of the agency's electronic id (<c>H42</c> in <c>000.00.12.H42</c> or
/// <c>H42.12.01</c>, Decision 20/2020/QĐ-TTg). Under a province, <c>Set2018</c> and <c>Set2025</c> map a form
/// (<see cref="FormKind"/> name) to its changes; an empty <c>Number</c> or <c>DigitalSignature</c> removes it.
/// </remarks>
public sealed class FormOptions : IValidatableObject
{
    public const string Section = "Forms";

    /// <summary>The first acceptance date that prints Circular 03/2025's forms; default 2025-07-01 (Decree 118/2025 in force).</summary>
    public string? Set2025From { get; set; }

    /// <summary>Changes per province code, e.g. "H42".</summary>
    public Dictionary<string, ProvinceFormOptions> Provinces { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Set2025From is not null && !LocalDatePattern.Iso.Parse(Set2025From).Success)
        {
            yield return new ValidationResult("Forms:Set2025From: a date such as 2025-07-01.", [nameof(Set2025From)]);
        }

        foreach (var (province, forms) in Provinces)
        {
            if (!FormSets.IsProvinceCode(province))
            {
                yield return new ValidationResult($"Forms:Provinces:{province}: a province code is a letter and two digits, e.g. H42.", [nameof(Provinces)]);
            }

            if (forms.Set2025From is not null && !LocalDatePattern.Iso.Parse(forms.Set2025From).Success)
            {
                yield return new ValidationResult($"Forms:Provinces:{province}:Set2025From: a date such as 2025-07-01.", [nameof(Provinces)]);
            }

            foreach (var (set, changes) in new[] { (FormSet.Set2018, forms.Set2018), (FormSet.Set2025, forms.Set2025) })
            {
                foreach (var (form, change) in changes)
                {
                    if (!Enum.TryParse<FormKind>(form, ignoreCase: true, out _) || int.TryParse(form, out _))
                    {
                        yield return new ValidationResult(
                            $"Forms:Provinces:{province}:{set}:{form}: not a form; one of {string.Join(", ", Enum.GetNames<FormKind>())}.", [nameof(Provinces)]);
                    }
                    else if (change.Title is { } title && string.IsNullOrWhiteSpace(title))
                    {
                        yield return new ValidationResult($"Forms:Provinces:{province}:{set}:{form}:Title: a form keeps a title.", [nameof(Provinces)]);
                    }
                }
            }
        }
    }
}

/// <summary>One province's changes to the form sets.</summary>
public sealed class ProvinceFormOptions
{
    /// <summary>The province's own first date for Circular 03/2025's forms; empty for <see cref="FormOptions.Set2025From"/>.</summary>
    public string? Set2025From { get; set; }

    /// <summary>Changes to Circular 01/2018's set, by form name.</summary>
    public Dictionary<string, FormChange> Set2018 { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Changes to Circular 03/2025's set, by form name.</summary>
    public Dictionary<string, FormChange> Set2025 { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A change to one form: null keeps the set's value; an empty number or signature line removes it.</summary>
public sealed class FormChange
{
    public string? Number { get; set; }

    public string? Title { get; set; }

    public string? DigitalSignature { get; set; }
}
