using System.Text.RegularExpressions;

namespace OneStop.Agencies;

/// <summary>
/// An agency's electronic id (mã định danh điện tử), the first part of every dossier code. Two styles are in use:
/// the 2018 one under QCVN 102:2016 (Circular 10/2016/TT-BTTTT), read upwards, <c>000.00.12.H40</c>; and the
/// Decision 20/2020/QĐ-TTg one that Circular 03/2025 art. 13 prints, written from the province down: the level-1
/// code (a letter A–Y and two digits) and the lower levels after it, dot-separated, at most 35 characters, e.g.
/// <c>H40.12.01</c>. Both are accepted; codes print the id the agency holds when the code is issued. Never a '-':
/// it separates the parts of the dossier code.
/// </summary>
public static partial class AgencyElectronicId
{
    public const int MaxLength = 35;

    /// <summary>Whether <paramref name="id"/> is an electronic id in either style (ASCII digits and capitals only).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && (Style2018().IsMatch(id) || Style2020().IsMatch(id));

    [GeneratedRegex(@"^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$")]
    private static partial Regex Style2018();

    [GeneratedRegex(@"^[A-Y][0-9]{2}(\.[0-9]{1,5}){0,6}$")]
    private static partial Regex Style2020();
}
