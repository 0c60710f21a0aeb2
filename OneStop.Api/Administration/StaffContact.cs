using System.Net.Mail;
using OneStop.Api.Problems;

namespace OneStop.Api.Administration;

/// <summary>
/// A member of staff's contact details: the e-mail address the worker's notices go to, and a phone for the
/// text-message channels. Both optional; an empty value clears. Checked by the applicant's rules
/// (<see cref="Dossiers.InputRules"/>: a Vietnamese number, an address System.Net.Mail can send to) and the input policy.
/// </summary>
internal static class StaffContact
{
    /// <summary>The trimmed address, or null for none; an error on <c>email</c> when it is not one.</summary>
    public static string? Email(string? value, Validation validation)
    {
        var email = InputPolicy.OptionalText(value, "email", 256, validation);
        if (email is not null && (email.Length > 256 || !Dossiers.InputRules.IsEmail(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            validation.Add("email", ValidationCodes.Email, "Not an email address (e.g. ten@phuong.gov.vn), at most 256 characters.");
        }

        return email;
    }

    /// <summary>The number without spaces and dots, or null for none; an error on <c>phone</c> when it is not one.</summary>
    public static string? Phone(string? value, Validation validation)
    {
        var phone = InputPolicy.OptionalText(value, "phone", 20, validation)?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (phone is not null && !Dossiers.InputRules.IsPhone(phone))
        {
            validation.Add("phone", ValidationCodes.Phone, "A Vietnamese phone number: 0 or +84, then 9 or 10 digits (e.g. 0912345678).");
        }

        return phone;
    }
}
