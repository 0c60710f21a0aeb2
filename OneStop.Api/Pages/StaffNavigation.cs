using System.Security.Claims;
using OneStop.Users;

namespace OneStop.Api.Pages;

/// <summary>
/// The staff navigation, by role: the queue and the dossier search for everyone, the Form 04 drafts for heads, registration for clerks and administrators, the dashboard
/// for supervisors and administrators, the administration for administrators, the public lookup. The link of the
/// section the page belongs to (the longest matching prefix) is marked current.
/// </summary>
public static class StaffNavigation
{
    public static IReadOnlyList<(string Href, string Text, bool Current)> Links(PathString current, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var links = new List<(string Href, string Text)> { (PagePaths.DeskPath, "Hàng chờ"), (Desk.DeskRoutes.Search, "Tìm hồ sơ") };
        if (user.IsInRole(Roles.Head))
        {
            links.Add((Desk.DeskRoutes.Drafts, "Phiếu xin lỗi chờ duyệt"));
        }

        if (user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Admin))
        {
            links.Add((PagePaths.RegisterPath, "Tiếp nhận hồ sơ"));
        }

        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
        {
            links.Add((PagePaths.DashboardPath, "Giám sát"));
        }

        if (user.IsInRole(Roles.Admin))
        {
            links.Add((PagePaths.AdministrationPath, "Quản trị"));
        }

        links.Add((PagePaths.LookupPath, "Tra cứu công khai"));
        var active = links.Select(l => l.Href).Where(h => current.StartsWithSegments(h, StringComparison.Ordinal)).MaxBy(h => h.Length);
        return [.. links.Select(l => (l.Href, l.Text, l.Href == active))];
    }
}
