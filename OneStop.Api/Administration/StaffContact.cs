using System.Net.Mail;
using System.Text.RegularExpressions;
using OneStop.Api.Problems;

namespace OneStop.Api.Administration;

/// <summary>
/// A member of staff's contact details: the e-mail address the worker's notices go to, and a phone for the
/// text-message channels. Both optional; an empty value clears. Checked like an applicant's (a Vietnamese
/// number, an address System.Net.Mail can send to).
/// </summary>
internal static partial class StaffContact
{
    /// <summary>Vietnamese numbers: 0 or +84, then a mobile (3, 5, 7, 8, 9 + 8 digits) or a landline (2 + 9 digits).</summary>
    [GeneratedRegex(@"^(0|\+84)([35789]\d{8}|2\d{9})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>The trimmed address, or null for none; an error on <c>email</c> when it is not one.</summary>
    public static string? Email(string? value, Validation validation)
    {
        var email = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (email is not null && (email.Length > 256 || !EmailPattern().IsMatch(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            validation.Add("email", "Not an email address (e.g. ten@phuong.gov.vn), at most 256 characters.");
        }

        return email;
    }

    /// <summary>The number without spaces and dots, or null for none; an error on <c>phone</c> when it is not one.</summary>
    public static string? Phone(string? value, Validation validation)
    {
        var phone = string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            validation.Add("phone", "A Vietnamese phone number: 0 or +84, then 9 or 10 digits (e.g. 0912345678).");
        }

        return phone;
    }
}
