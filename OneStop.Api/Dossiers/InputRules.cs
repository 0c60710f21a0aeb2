using System.Text.RegularExpressions;
using NodaTime;
using OneStop.Api.Problems;
using OneStop.Dossiers;

namespace OneStop.Api.Dossiers;

/// <summary>Checks of what the desk types: personal id numbers, Vietnamese phones, lengths, declared times.</summary>
internal static partial class InputRules
{
    /// <summary>Personal id number (số định danh cá nhân / CCCD): 12 ASCII digits.</summary>
    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex IdNumberPattern();

    /// <summary>Vietnamese numbers: 0 or +84, then a mobile (3, 5, 7, 8, 9 + 8 digits) or a landline (2 + 9 digits).</summary>
    [GeneratedRegex(@"^(0|\+84)([35789][0-9]{8}|2[0-9]{9})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>Whether <paramref name="phone"/> (spaces and dots removed) is a Vietnamese number, ASCII digits only.</summary>
    public static bool IsPhone(string phone) => PhonePattern().IsMatch(phone);

    /// <summary>Whether <paramref name="email"/> has the shape of an e-mail address.</summary>
    public static bool IsEmail(string email) => EmailPattern().IsMatch(email);

    public static Person? Person(PersonRequest? request, string field, bool required, Validation validation)
    {
        if (request is null)
        {
            if (required)
            {
                validation.Add(field, ValidationCodes.Required, "Required.");
            }

            return null;
        }

        var name = InputPolicy.Text(request.FullName, field + ".fullName", 200, validation);
        var idNumber = InputPolicy.OptionalText(request.IdNumber, field + ".idNumber", 12, validation);
        if (idNumber is not null && !IdNumberPattern().IsMatch(idNumber))
        {
            validation.Add(field + ".idNumber", ValidationCodes.IdNumber, "A personal id number has 12 digits.");
        }

        var phone = InputPolicy.OptionalText(request.Phone, field + ".phone", 20, validation)?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            validation.Add(field + ".phone", ValidationCodes.Phone, "A Vietnamese phone number: 0 or +84, then 9 or 10 digits (e.g. 0912345678).");
        }

        var address = InputPolicy.OptionalText(request.Address, field + ".address", 500, validation);
        var email = InputPolicy.OptionalText(request.Email, field + ".email", 200, validation);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            validation.Add(field + ".email", ValidationCodes.Email, "Not an email address.");
        }

        return new Person(name, idNumber, phone, address, email);
    }

    /// <summary>A required bounded text (<see cref="InputPolicy.Text"/>).</summary>
    public static string Text(string? value, string field, int maxLength, Validation validation, bool multiLine = false) =>
        InputPolicy.Text(value, field, maxLength, validation, multiLine);

    /// <summary>An optional bounded text (<see cref="InputPolicy.OptionalText"/>).</summary>
    public static string? OptionalText(string? value, string field, int maxLength, Validation validation, bool multiLine = false) =>
        InputPolicy.OptionalText(value, field, maxLength, validation, multiLine);

    /// <summary>An ISO 8601 instant with offset within 1900-2199 (<see cref="InputPolicy.Instant"/>); null when absent.</summary>
    public static Instant? Instant(string? value, string field, Validation validation) => InputPolicy.Instant(value, field, validation);

    /// <summary>
    /// The declared time of an action: now when absent; never after now (the server's time) nor before the
    /// dossier's acceptance.
    /// </summary>
    public static Instant OccurredAt(string? value, Instant now, Instant notBefore, Validation validation, string field = "occurredAt")
    {
        var declared = Instant(value, field, validation) ?? now;
        if (declared > now)
        {
            validation.Add(field, ValidationCodes.LaterThanNow, "Cannot be later than now.");
        }
        else if (declared < notBefore)
        {
            validation.Add(field, ValidationCodes.BeforeAcceptance, "Cannot be earlier than the dossier's acceptance.");
        }

        return declared;
    }
}
