using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OneStop.Jobs.Lateness;
using OneStop.Persistence;
using OneStop.Tests.Api.Dossiers;

namespace OneStop.Tests.Api.Lateness;

public sealed class LatenessEndpointsTests : IDisposable
{
    private readonly OneStopApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/dashboard/summary")]
    [InlineData("/api/lateness/findings")]
    [InlineData("/api/dossiers/000.00.12.H99-250303-0001/lateness")]
    public async Task Get_Clerk_Forbidden(string url)
    {
        var clerk = await _factory.ClientForAsync("motcua");

        using var response = await clerk.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Summary_DemoData_PaperAndTrueRatesDiffer()
    {
        var supervisor = await _factory.ClientForAsync("giamsat");

        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary");

        var totals = summary.RootElement.GetProperty("totals");
        var paper = totals.GetProperty("paperOnTimeRate").GetDecimal();
        var truth = totals.GetProperty("trueOnTimeRate").GetDecimal();
        Assert.True(paper > truth, $"paper {paper}, truth {truth}");
        var masked = summary.RootElement.GetProperty("paperDiffers").EnumerateArray().ToList();
        Assert.True(masked.Count >= 4, summary.RootElement.ToString());
        Assert.All(masked, d => Assert.NotEqual(0, d.GetProperty("findings").GetArrayLength()));
        Assert.Contains(masked, d => d.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "Backdated"));
        Assert.Contains(masked, d => d.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "ReceiptReissued"));
        Assert.Contains(masked, d => d.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "ApologyLate"));
    }

    [Fact]
    public async Task Summary_DemoData_ByDepartmentCountsEveryDossierOnce()
    {
        var supervisor = await _factory.ClientForAsync("giamsat");

        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary");

        var totals = summary.RootElement.GetProperty("totals");
        var departments = summary.RootElement.GetProperty("byDepartment").EnumerateArray().ToList();
        var justice = Assert.Single(departments, g => g.GetProperty("key").GetString() == "000.00.12.H99/Công chức tư pháp - hộ tịch");
        Assert.StartsWith("Công chức tư pháp - hộ tịch – ", justice.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.True(justice.GetProperty("counts").GetProperty("finishedLate").GetInt32() > 0, justice.ToString());
        Assert.Equal(totals.GetProperty("received").GetInt32(), departments.Sum(g => g.GetProperty("counts").GetProperty("received").GetInt32()));
        Assert.Equal(totals.GetProperty("finishedLate").GetInt32(), departments.Sum(g => g.GetProperty("counts").GetProperty("finishedLate").GetInt32()));
    }

    [Fact]
    public async Task Summary_BadPeriod_ValidationProblemNamesField()
    {
        var supervisor = await _factory.ClientForAsync("giamsat");

        using var response = await supervisor.GetAsync(new Uri("/api/dashboard/summary?from=2025-13-01", UriKind.Relative));

        await DossierApi.AssertInvalidAsync(response, "from");
    }

    [Theory]
    [InlineData("/api/dashboard/late?kind=Nonsense", "kind")]
    [InlineData("/api/dashboard/paper-differs?kind=1", "kind")]
    [InlineData("/api/dashboard/late?procedure=12345678901234567890123456789012345678901", "procedure")]
    public async Task Lists_BadFilter_ValidationProblemNamesField(string url, string field)
    {
        var supervisor = await _factory.ClientForAsync("giamsat");

        using var response = await supervisor.GetAsync(new Uri(url, UriKind.Relative));

        await DossierApi.AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Late_FilteredByKind_OnlyDossiersWithThatFinding()
    {
        var supervisor = await _factory.ClientForAsync("giamsat");
        using var all = await DossierApi.GetAsync(supervisor, "/api/dashboard/late?from=2024-01-01");
        var items = all.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var kind = items.SelectMany(i => i.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!)).First();

        using var byKind = await DossierApi.GetAsync(supervisor, $"/api/dashboard/late?from=2024-01-01&kind={kind}");
        var kept = byKind.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(kept);
        Assert.All(kept, i => Assert.Contains(i.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == kind));
        Assert.Equal(items.Count(i => i.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == kind)), byKind.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DossierLateness_ReissuedReceiptThenLateResult_MaskedLatenessFound()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        var officer = await _factory.ClientForAsync("chuyenvien");
        var supervisor = await _factory.ClientForAsync("giamsat");
        var code = await DossierApi.RegisterAsync(clerk);
        (await DossierApi.PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch" })).EnsureSuccessStatusCode();
        _factory.Clock.AdvanceHours(24);
        (await DossierApi.PostAsync(clerk, code, "receipts", new { reason = "Công dân làm mất giấy", appointmentAt = "2025-03-14T17:00:00+07:00" })).EnsureSuccessStatusCode();
        _factory.Clock.Reset(Instant.FromUtc(2025, 3, 12, 3, 0)); // Wednesday 12/03 10:00, two days after the due
        (await DossierApi.PostAsync(officer, code, "result")).EnsureSuccessStatusCode();

        using var audit = await DossierApi.GetAsync(supervisor, $"/api/dossiers/{code}/lateness");

        var root = audit.RootElement;
        Assert.Equal("2025-03-10T09:00:00+07:00", root.GetProperty("statutoryDueAt").GetString());
        Assert.True(root.GetProperty("paperOnTime").GetBoolean());
        Assert.False(root.GetProperty("trueOnTime").GetBoolean());
        Assert.Equal(17 * 60, root.GetProperty("lateMinutes").GetInt64());
        Assert.Equal(
            ["ApologyMissing", "AppointmentBeyondStatute", "LateAgainstStatute", "ReceiptReissued"],
            root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToArray());

        using var stored = await DossierApi.GetAsync(supervisor, "/api/lateness/findings?from=2025-03-01&to=2025-03-31&kind=ReceiptReissued");
        var finding = Assert.Single(stored.RootElement.EnumerateArray(), f => f.GetProperty("code").GetString() == code);
        Assert.Equal(OneStop.Lateness.LatenessAudit.Version, finding.GetProperty("auditVersion").GetInt32());
    }

    [Fact]
    public async Task DossierLateness_EventEditedInDatabase_LedgerTampered()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        var supervisor = await _factory.ClientForAsync("giamsat");
        var code = await DossierApi.RegisterAsync(clerk);
        (await DossierApi.PostAsync(clerk, code, "handovers", new { toUnit = "Công chức tư pháp - hộ tịch" })).EnsureSuccessStatusCode();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"DossierEvents\" SET \"Details\" = {0} WHERE \"DossierId\" = {1} AND \"Sequence\" = 2", "{\"to\":\"Phòng khác\"}", id);
        }

        using var audit = await DossierApi.GetAsync(supervisor, $"/api/dossiers/{code}/lateness");

        var kinds = audit.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["LedgerTampered"], kinds);
    }

    [Fact]
    public async Task Job_SecondRun_AuditsOnlyChangedDossiers()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        using var scope = _factory.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<LatenessAuditJob>();
        var first = await job.RunAsync(CancellationToken.None);
        _factory.Clock.AdvanceMinutes(5);
        var code = await DossierApi.RegisterAsync(clerk);
        _factory.Clock.AdvanceMinutes(5);

        var second = await job.RunAsync(CancellationToken.None);
        var again = await job.RunAsync(CancellationToken.None);

        Assert.True(first.DossierCount >= 10, $"first run: {first.DossierCount}");
        Assert.True(first.FindingCount > 0);
        Assert.Equal(1, second.DossierCount);
        Assert.Equal(0, again.DossierCount);
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal(first.FindingCount, await db.Set<OneStop.Lateness.LatenessFinding>().CountAsync());
        Assert.NotNull(code);
    }

    [Fact]
    public async Task Job_OpenDossierWhoseDuePassed_StoresItsStandingWithoutAnEvent()
    {
        var clerk = await _factory.ClientForAsync("motcua");
        using var scope = _factory.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<LatenessAuditJob>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var code = await DossierApi.RegisterAsync(clerk);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(OneStop.Lateness.OpenStanding.OnTrack, (await db.Set<OneStop.Lateness.DossierOutcome>().AsNoTracking().SingleAsync(o => o.Code == code)).Standing);

        _factory.Clock.AdvanceMinutes(60 * 24 * 60);
        var run = await job.RunAsync(CancellationToken.None);

        Assert.True(run.DossierCount >= 1);
        Assert.Equal(OneStop.Lateness.OpenStanding.Overdue, (await db.Set<OneStop.Lateness.DossierOutcome>().AsNoTracking().SingleAsync(o => o.Code == code)).Standing);
    }

    [Fact]
    public async Task Job_DossierWithoutAnOutcome_GetsOneBack()
    {
        await _factory.ClientForAsync("motcua");
        using var scope = _factory.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<LatenessAuditJob>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await job.RunAsync(CancellationToken.None);
        var lost = await db.Set<OneStop.Lateness.DossierOutcome>().AsNoTracking().OrderBy(o => o.Code).Select(o => o.DossierId).FirstAsync();
        await db.Set<OneStop.Lateness.DossierOutcome>().Where(o => o.DossierId == lost).ExecuteDeleteAsync();
        _factory.Clock.AdvanceMinutes(5);

        var run = await job.RunAsync(CancellationToken.None);

        Assert.Equal(1, run.DossierCount);
        Assert.True(await db.Set<OneStop.Lateness.DossierOutcome>().AnyAsync(o => o.DossierId == lost));
        Assert.Equal(await db.Dossiers.CountAsync(), await db.Set<OneStop.Lateness.DossierOutcome>().CountAsync());
    }

    [Fact]
    public async Task Page_Supervisor_RendersBothRatesInVietnamese()
    {
        var supervisor = await _factory.ClientForAsync("giamsat");
        var browser = await CookieClients.SignedInAsync(_factory, "giamsat");

        using var response = await browser.GetAsync(new Uri("/giam-sat", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn theo giấy tờ", html, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn thực tế", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Khai lùi thời gian", html, StringComparison.Ordinal);
        Assert.Contains("Theo đơn vị giải quyết", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Công chức tư pháp - hộ tịch – ", html, StringComparison.Ordinal);
        Assert.Contains("/api/reports/tracking-book.pdf?agency=000.00.00.H99&amp;year=2025", html, StringComparison.Ordinal);
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary");
        var totals = summary.RootElement.GetProperty("totals");
        Assert.Contains(Percent(totals.GetProperty("paperOnTimeRate").GetDecimal()), html, StringComparison.Ordinal);
        Assert.Contains(Percent(totals.GetProperty("trueOnTimeRate").GetDecimal()), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_RenderedByRazor_VietnameseHeadingsLiterallyAndTablesScroll()
    {
        var browser = await CookieClients.SignedInAsync(_factory, "giamsat");

        var html = await browser.GetStringAsync(new Uri("/giam-sat", UriKind.Relative));

        Assert.Contains("<h1>Giám sát giải quyết hồ sơ: trễ hạn trên giấy và trễ hạn thực tế</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Tỷ lệ đúng hạn</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Theo cán bộ tiếp nhận</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"hai-long\">Mức độ hài lòng của người dân (", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"table-scroll\">", html, StringComparison.Ordinal);
        // The agency list's indentation is non-breaking spaces (encoded); every letter is written as itself.
        Assert.DoesNotContain("&#x", html.Replace("&#xA0;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("OneStop.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SignedOut_RedirectsToSignIn()
    {
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/giam-sat", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/dang-nhap?ReturnUrl=%2Fgiam-sat", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_DepartmentFollowed_ListsNarrowedAndRowsLinkToDossiers()
    {
        var supervisor = await _factory.ClientForAsync("giamsat");
        using var summary = await DossierApi.GetAsync(supervisor, "/api/dashboard/summary?from=2024-01-01");
        var department = summary.RootElement.GetProperty("byDepartment").EnumerateArray()
            .First(g => g.GetProperty("counts").GetProperty("finishedLate").GetInt32() > 0).GetProperty("key").GetString()!;
        using var late = await DossierApi.GetAsync(supervisor, "/api/dashboard/late?from=2024-01-01&unit=" + Uri.EscapeDataString(department));
        var codes = late.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(codes);

        var browser = await CookieClients.SignedInAsync(_factory, "giamsat");
        var page = await browser.GetStringAsync(new Uri("/giam-sat?from=2024-01-01", UriKind.Relative));
        var link = "/giam-sat?agency=000.00.00.H99&amp;from=2024-01-01&amp;to=";
        Assert.Contains(link, page, StringComparison.Ordinal);
        Assert.Contains("unit=" + Uri.EscapeDataString(department), page, StringComparison.Ordinal);
        var narrowed = await browser.GetStringAsync(new Uri("/giam-sat?from=2024-01-01&unit=" + Uri.EscapeDataString(department), UriKind.Relative));

        Assert.Contains("Danh sách bên dưới chỉ gồm", narrowed, StringComparison.Ordinal);
        Assert.Matches($"Hồ sơ trễ hạn thực tế \\(<a href=\"[^\"]+\">{codes.Count}</a>", narrowed);
        Assert.All(codes, c => Assert.Contains($"href=\"/quay/ho-so/{Uri.EscapeDataString(c)}\"", narrowed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_Clerk_Forbidden()
    {
        var clerk = await CookieClients.SignedInAsync(_factory, "motcua");

        using var response = await clerk.GetAsync(new Uri("/giam-sat", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Csv_Supervisor_OneLinePerDossierWithBom()
    {
        var supervisor = await CookieClients.SignedInAsync(_factory, "giamsat");

        var bytes = await supervisor.GetByteArrayAsync(new Uri("/giam-sat/bao-cao.csv", UriKind.Relative));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFMã hồ sơ,Cơ quan,Thủ tục,Đơn vị giải quyết,", text, StringComparison.Ordinal);
        Assert.Contains("Backdated", text, StringComparison.Ordinal);
        // Each dossier line names the department it is counted against (a processing unit or the desk).
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(lines);
        var departments = lines.Select(line => CsvFields(line)[3]).ToList();
        Assert.All(departments, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Contains(departments, d => d != OneStop.Dossiers.Dossier.DeskUnit);
    }

    // Fields of one CSV line: commas inside double quotes belong to the field, "" is a quote.
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.TrimEnd('\r').Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Percent(decimal rate) => (rate * 100).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";
}
