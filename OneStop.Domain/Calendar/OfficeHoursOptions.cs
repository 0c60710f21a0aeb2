using System.ComponentModel.DataAnnotations;
using NodaTime.Text;

namespace OneStop.Calendar;

/// <summary>
/// Default office hours (section <c>OfficeHours</c>), used where an agency sets none:
/// <c>{"Sessions":["07:30-11:30","13:00-17:00"],"CutOff":"15:00","SaturdayReception":[]}</c>.
/// </summary>
public sealed class OfficeHoursOptions : IValidatableObject
{
    public const string Section = "OfficeHours";

    // Lists start empty: configuration binding appends to a list, so defaults live in ToOfficeHours.
    public List<string> Sessions { get; set; } = [];

    public string? CutOff { get; set; }

    public List<string> SaturdayReception { get; set; } = [];

    /// <summary>The configured hours; 07:30–11:30, 13:00–17:00 and cut-off 15:00 where a value is not set.</summary>
    public OfficeHours ToOfficeHours() => new(
        Sessions.Count == 0 ? OfficeHours.Default.Sessions : Sessions.Select(WorkSession.Parse).ToList(),
        CutOff is null ? OfficeHours.Default.CutOff : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(CutOff).GetValueOrThrow(),
        SaturdayReception.Select(WorkSession.Parse).ToList());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            _ = ToOfficeHours();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UnparsableValueException)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult($"OfficeHours: {error}", [nameof(Sessions)]);
        }
    }
}
