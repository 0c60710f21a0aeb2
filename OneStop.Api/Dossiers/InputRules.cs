using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using OneStop.Api.Problems;
using OneStop.Dossiers;

namespace OneStop.Api.Dossiers;

/// <summary>Checks of what the desk types: personal id numbers, Vietnamese phones, lengths, declared times.</summary>
internal static partial class InputRules
{
    /// <summary>Personal id number (số định danh cá nhân / CCCD): 12 digits.</summary>
    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex IdNumberPattern();

    /// <summary>Vietnamese numbers: 0 or +84, then a mobile (3, 5, 7, 8, 9 + 8 digits) or a landline (2 + 9 digits).</summary>
    [GeneratedRegex(@"^(0|\+84)([35789]\d{8}|2\d{9})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static Person? Person(PersonRequest? request, string field, bool required, Validation validation)
    {
        if (request is null)
        {
            if (required)
            {
                validation.Add(field, "Required.");
            }

            return null;
        }

        var name = request.FullName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            validation.Add(field + ".fullName", "Required, at most 200 characters.");
        }

        var idNumber = Blank(request.IdNumber);
        if (idNumber is not null && !IdNumberPattern().IsMatch(idNumber))
        {
            validation.Add(field + ".idNumber", "A personal id number has 12 digits.");
        }

        var phone = Blank(request.Phone)?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            validation.Add(field + ".phone", "A Vietnamese phone number: 0 or +84, then 9 or 10 digits (e.g. 0912345678).");
        }

        var address = Blank(request.Address);
        if (address is { Length: > 500 })
        {
            validation.Add(field + ".address", "At most 500 characters.");
        }

        var email = Blank(request.Email);
        if (email is not null && (email.Length > 200 || !EmailPattern().IsMatch(email)))
        {
            validation.Add(field + ".email", "Not an email address.");
        }

        return new Person(name ?? string.Empty, idNumber, phone, address, email);
    }

    /// <summary>A free text that is required and bounded.</summary>
    public static string Text(string? value, string field, int maxLength, Validation validation)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            validation.Add(field, $"Required, at most {maxLength} characters.");
            return string.Empty;
        }

        return text;
    }

    /// <summary>An optional bounded text.</summary>
    public static string? OptionalText(string? value, string field, int maxLength, Validation validation)
    {
        var text = Blank(value);
        if (text is { Length: var length } && length > maxLength)
        {
            validation.Add(field, $"At most {maxLength} characters.");
        }

        return text;
    }

    /// <summary>An ISO 8601 instant with offset; null when absent.</summary>
    public static Instant? Instant(string? value, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(value.Trim());
        if (!parsed.Success)
        {
            validation.Add(field, "An ISO 8601 date and time with its offset, e.g. 2025-11-03T09:00:00+07:00.");
            return null;
        }

        return parsed.Value.ToInstant();
    }

    /// <summary>
    /// The declared time of an action: now when absent; never after now (the server's time) nor before the
    /// dossier's acceptance.
    /// </summary>
    public static Instant OccurredAt(string? value, Instant now, Instant notBefore, Validation validation, string field = "occurredAt")
    {
        var declared = Instant(value, field, validation) ?? now;
        if (declared > now)
        {
            validation.Add(field, "Cannot be later than now.");
        }
        else if (declared < notBefore)
        {
            validation.Add(field, "Cannot be earlier than the dossier's acceptance.");
        }

        return declared;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
