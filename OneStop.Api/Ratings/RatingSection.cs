using System.Globalization;
using OneStop.Api.Pages;

namespace OneStop.Api.Ratings;

/// <summary>The dashboard's block of citizens' ratings: one line per desk clerk, least satisfied first (Decree 309/2026 art. 6).</summary>
public static class RatingSection
{
    public static Html Render(RatingSummaryResponse summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var heading = Html.Of($"""<h2 id="hai-long">Mức độ hài lòng của người dân ({summary.Total.Total.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đánh giá)</h2>""");
        if (summary.Clerks.Count == 0)
        {
            return Html.Of($"{heading}<p>Chưa có đánh giá trong kỳ.</p>");
        }

        var rows = summary.Clerks.Select(c => Html.Of($"""
            <tr><th scope="row">{c.FullName ?? c.Clerk}</th><td>{c.ElectronicId}</td><td class="num">{c.Counts.VerySatisfied}</td><td class="num">{c.Counts.Satisfied}</td><td class="num">{c.Counts.NotSatisfied}</td><td class="num">{Rate(c.Counts.SatisfiedRate)}</td></tr>
            """));
        return Html.Of($"""
            {heading}
            <table class="ratings">
              <thead><tr><th scope="col">Cán bộ trả kết quả</th><th scope="col">Cơ quan</th><th scope="col">Rất hài lòng</th><th scope="col">Hài lòng</th><th scope="col">Không hài lòng</th><th scope="col">Tỷ lệ hài lòng</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static string Rate(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")) + "%" : "–";
}
