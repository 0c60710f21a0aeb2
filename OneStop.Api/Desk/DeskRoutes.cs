using System.Globalization;
using System.Text;

namespace OneStop.Api.Desk;

/// <summary>The desk's addresses besides <see cref="Pages.PagePaths.DeskPath"/> and <see cref="Pages.PagePaths.RegisterPath"/>.</summary>
public static class DeskRoutes
{
    public const string Search = "/quay/tim-kiem";

    public const string Drafts = "/quay/xin-loi-cho-duyet";

    /// <summary>The registration form posted for a preview of the appointment (nothing is saved).</summary>
    public const string RegisterPreview = "/quay/tiep-nhan/xem-truoc";

    /// <summary>The search page's address for the given filters and page.</summary>
    public static string SearchHref(string? q, string? procedure, IEnumerable<string> statuses, string? from, string? to, int page)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("q", q);
        Add("procedure", procedure);
        foreach (var status in statuses)
        {
            Add("status", status);
        }

        Add("from", from);
        Add("to", to);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return Search + query;
    }
}
