using System.Net;
using System.Text.Json;
using OneStop.Tests.Api.Dossiers;
using static OneStop.Tests.Api.Lateness.AuditJson;

namespace OneStop.Tests.Api.Lateness;

/// <summary>
/// Issue 15, "Patterns, not only dossiers": per clerk and per unit, declared-earlier events and how close they sit to
/// the tolerance, re-issues, out-of-window supplements and last-hour results, each with the dossiers behind it. Built
/// through the API in June 2025 (Monday 02/06 09:00 acceptance: "Đăng ký kết hôn" is due Monday 09/06 09:00).
/// </summary>
public sealed class DashboardPatternTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private const string Department = "Công chức tư pháp - hộ tịch";
    private const string June = "from=2025-06-01&to=2025-06-30";

    [Fact]
    public async Task Patterns_SeededActs_EachFigureCountsAndListsItsDossiers()
    {
        // The acts in time order: the audit knows only the events believed by now.
        var lastHour = await ReceivedAsync("2025-06-02 09:00");
        var outOfWindow = await ReceivedAsync("2025-06-02 09:30");
        var near = await ReceivedAsync("2025-06-02 10:00");
        var reissued = await ReceivedAsync("2025-06-02 10:30");
        var clean = await ReceivedAsync("2025-06-02 11:00");
        // D: the receipt re-issued with a later appointment by the desk.
        await ActAsync("motcua", reissued, "receipts", "2025-06-03 09:00", new { reason = "Công dân làm mất giấy", appointmentAt = Iso("2025-06-13 17:00") });
        // E: a clean twin: early result, recorded when it happened.
        await ActAsync("chuyenvien", clean, "result", "2025-06-04 10:00");
        // C: a result recorded at 14:00, declared at 09:00: 210 of the 240 tolerated working minutes (near, still believed).
        await ActAsync("chuyenvien", near, "result", "2025-06-04 14:00", new { occurredAt = Iso("2025-06-04 09:00") });
        // B: a supplement asked on Friday 06/06, after the 3-working-day window (closed Thursday 05/06 09:30).
        await ActAsync("chuyenvien", outOfWindow, "supplement-requests", "2025-06-06 10:00", new { reason = "Thiếu giấy", missingDocuments = "Giấy xác nhận" });
        // A: result recorded at 08:30 on the due day (the last working hour before 09:00).
        await ActAsync("chuyenvien", lastHour, "result", "2025-06-09 08:30");

        var supervisor = await factory.ClientForAsync("giamsat");
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/patterns?" + June);
        var officer = Group(summary.RootElement, "byClerk", "chuyenvien");
        var counts = officer.GetProperty("counts");
        Assert.Equal(240, summary.RootElement.GetProperty("toleranceMinutes").GetInt32());
        Assert.True(counts.GetProperty("declaredEarlier").GetInt32() >= 1, officer.ToString());
        Assert.True(counts.GetProperty("nearTolerance").GetInt32() >= 1, officer.ToString());
        Assert.True(counts.GetProperty("supplementsOutOfWindow").GetInt32() >= 1, officer.ToString());
        Assert.True(counts.GetProperty("resultsLastHour").GetInt32() >= 1, officer.ToString());
        Assert.True(Group(summary.RootElement, "byClerk", "motcua").GetProperty("counts").GetProperty("reissues").GetInt32() >= 1);
        var unit = Group(summary.RootElement, "byUnit", "000.00.12.H99/" + Department).GetProperty("counts");
        Assert.True(unit.GetProperty("supplementsOutOfWindow").GetInt32() >= 1, unit.ToString());
        Assert.True(unit.GetProperty("resultsLastHour").GetInt32() >= 1, unit.ToString());

        // The dossiers behind each figure: the seeded one, never the clean twin; the list's total is the figure.
        foreach (var (measure, expected, key) in new[]
        {
            ("NearTolerance", near, "clerk=chuyenvien"), ("DeclaredEarlier", near, "clerk=chuyenvien"), ("ResultLastHour", lastHour, "clerk=chuyenvien"),
            ("SupplementOutOfWindow", outOfWindow, "clerk=chuyenvien"), ("Reissued", reissued, "clerk=motcua"),
            ("SupplementOutOfWindow", outOfWindow, "unit=" + Uri.EscapeDataString("000.00.12.H99/" + Department)),
        })
        {
            using var list = await DossierApi.GetAsync(supervisor, $"/api/dashboard/patterns/dossiers?{June}&{key}&measure={measure}");
            var codes = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
            Assert.Contains(expected, codes);
            Assert.DoesNotContain(clean, codes);
            Assert.Equal(codes.Count, list.RootElement.GetProperty("total").GetInt32());
        }

        using var beyond = await DossierApi.GetAsync(supervisor, $"/api/dashboard/patterns/dossiers?{June}&clerk=chuyenvien&measure=BeyondTolerance");
        Assert.DoesNotContain(near, beyond.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(
            counts.GetProperty("nearTolerance").GetInt32(),
            (await TotalAsync(supervisor, $"/api/dashboard/patterns/dossiers?{June}&clerk=chuyenvien&measure=NearTolerance")));
    }

    [Fact]
    public async Task PatternPage_FigureFollowed_ListsDossiersLinkedToTheirPages()
    {
        var near = await ReceivedAsync("2025-06-16 09:00");
        await ActAsync("chuyenvien", near, "result", "2025-06-17 14:00", new { occurredAt = Iso("2025-06-17 09:00") });
        var browser = await CookieClients.SignedInAsync(factory, "giamsat");

        var html = await browser.GetStringAsync(new Uri("/giam-sat?" + June, UriKind.Relative));

        Assert.Contains("<h2 id=\"dau-hieu-can-bo\">", html, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/giam-sat/dau-hieu\\?[^\"]*clerk=chuyenvien&amp;measure=NearTolerance)\"");
        Assert.True(link.Success, "no link from the near-tolerance figure");
        using var page = await browser.GetAsync(new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var list = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Hồ sơ khai lùi sát mức cho phép</h1>", list, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/quay/ho-so/{Uri.EscapeDataString(near)}\">{near}</a>", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("measure=Sometimes", "measure")]
    [InlineData("", "measure")]
    [InlineData("measure=Reissued&page=0", "page")]
    public async Task PatternDossiers_BadQuery_ValidationProblemNamesField(string query, string field)
    {
        var supervisor = await factory.ClientForAsync("giamsat");

        using var response = await supervisor.GetAsync(new Uri("/api/dashboard/patterns/dossiers?" + query, UriKind.Relative));

        await DossierApi.AssertInvalidAsync(response, field);
    }

    private static JsonElement Group(JsonElement summary, string list, string key) =>
        Assert.Single(summary.GetProperty(list).EnumerateArray(), g => g.GetProperty("key").GetString() == key);

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        using var page = await DossierApi.GetAsync(client, url);
        return page.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>A dossier received at Đống Đa at <paramref name="at"/> and handed to the department 30 minutes later.</summary>
    private async Task<string> ReceivedAsync(string at)
    {
        factory.Clock.Reset(T(at));
        var code = await DossierApi.RegisterAsync(await factory.ClientForAsync("motcua"));
        await ActAsync("motcua", code, "handovers", OneStop.Calendar.OfficeTime.ToLocal(T(at).Plus(NodaTime.Duration.FromMinutes(30))).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), new { toUnit = Department, stepBudgetHours = 24 });
        return code;
    }

    private async Task ActAsync(string user, string code, string action, string at, object? body = null)
    {
        factory.Clock.Reset(T(at));
        using var response = await DossierApi.PostAsync(await factory.ClientForAsync(user), code, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action} at {at}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
