using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Api.Pages;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// The errors of an administration endpoint's 400, in Vietnamese by their codes (<see cref="FormErrors"/>); an error
/// about one item of a list typed in one field ("daysOff[2]", "sessions[0]") is written beside the list's field,
/// naming the item ("Mục 3: …").
/// </summary>
internal static partial class AdminErrors
{
    public static FormErrors From(IResult? result, params string[] lists)
    {
        var errors = FormErrors.From(result);
        if (lists.Length == 0)
        {
            return errors;
        }

        var form = new FormErrors();
        foreach (var (field, message) in errors.All)
        {
            var item = IndexedField().Match(field);
            if (item.Success && lists.Contains(item.Groups["list"].Value, StringComparer.Ordinal))
            {
                var n = int.Parse(item.Groups["i"].Value, CultureInfo.InvariantCulture) + 1;
                form.Add(item.Groups["list"].Value, $"Mục {n.ToString(CultureInfo.InvariantCulture)}: {message}");
            }
            else
            {
                form.Add(field, message);
            }
        }

        return form;
    }

    [GeneratedRegex(@"^(?<list>[A-Za-z]+)\[(?<i>\d+)\]")]
    private static partial Regex IndexedField();
}
