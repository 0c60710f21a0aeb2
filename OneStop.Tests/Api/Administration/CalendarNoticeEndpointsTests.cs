using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Administration;

public sealed class CalendarNoticeEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static readonly object CultureDay = new
    {
        key = "2026-culture-day",
        year = 2026,
        covers = Array.Empty<string>(),
        documentNumber = "Thông báo thử nghiệm 01/TB-TEST",
        name = "Ngày Văn hóa Việt Nam",
        daysOff = new[] { "2026-11-24" },
        makeUpWorkingDays = Array.Empty<string>(),
    };

    [Fact]
    public async Task Add_CultureDay_IsInTheCalendarAndMovesDeadlines()
    {
        var admin = await factory.ClientForAsync("admin");
        var anonymous = factory.CreateClient();
        Assert.Equal("2026-11-24T09:00:00+07:00", await PreviewDueAsync(anonymous));

        using var response = await admin.PostAsJsonAsync("/api/admin/calendar/notices", CultureDay);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var calendar = await GetAsync(anonymous, "/api/calendar/2026");
        var day = Assert.Single(calendar.RootElement.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-11-24");
        Assert.Equal("Ngày Văn hóa Việt Nam", day.GetProperty("name").GetString());
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        Assert.Equal("2026-11-25T09:00:00+07:00", await PreviewDueAsync(anonymous));

        using var again = await admin.PostAsJsonAsync("/api/admin/calendar/notices", CultureDay);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await RevisionCountAsync("2026-culture-day"));
    }

    [Fact]
    public async Task Add_SameKey_CorrectsTheCalendarAndKeepsTheHistory()
    {
        var admin = await factory.ClientForAsync("admin");
        await PostNoticeAsync(admin, "2027-test-swap", ["2027-03-10"], ["2027-03-13"]);

        using var corrected = await admin.PostAsJsonAsync("/api/admin/calendar/notices", Notice("2027-test-swap", ["2027-03-11"], ["2027-03-13"]));

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        using var body = await ReadAsync(corrected);
        Assert.Equal(2, body.RootElement.GetProperty("revision").GetInt32());
        using var calendar = await GetAsync(factory.CreateClient(), "/api/calendar/2027");
        var daysOff = calendar.RootElement.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2027-03-11", daysOff);
        Assert.DoesNotContain("2027-03-10", daysOff);
        Assert.Contains(calendar.RootElement.GetProperty("makeUpWorkingDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-03-13");

        using var notices = await GetAsync(admin, "/api/admin/calendar/notices");
        var history = notices.RootElement.GetProperty("history").EnumerateArray().Where(n => n.GetProperty("key").GetString() == "2027-test-swap").ToList();
        Assert.Equal([1, 2], history.Select(n => n.GetProperty("revision").GetInt32()));
        Assert.Equal("2027-03-10", history[0].GetProperty("daysOff")[0].GetString());
        var inForce = Assert.Single(notices.RootElement.GetProperty("inForce").EnumerateArray(), n => n.GetProperty("key").GetString() == "2027-test-swap");
        Assert.Equal(2, inForce.GetProperty("revision").GetInt32());
        Assert.Equal("admin", inForce.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task List_Admin_ShowsTheSeedNoticesInForce()
    {
        var admin = await factory.ClientForAsync("admin");

        using var notices = await GetAsync(admin, "/api/admin/calendar/notices");

        var tet = Assert.Single(notices.RootElement.GetProperty("inForce").EnumerateArray(), n => n.GetProperty("key").GetString() == "2025-tet");
        Assert.Equal("LunarNewYear", Assert.Single(tet.GetProperty("covers").EnumerateArray()).GetString());
        Assert.False(string.IsNullOrEmpty(tet.GetProperty("documentNumber").GetString()));
    }

    public static TheoryData<string, string> BadNotices() => new()
    {
        { """{"key":"2026-x","year":2026,"name":"X","daysOff":["2026-11-24"]}""", "documentNumber" },
        { """{"key":"2026-x","year":2026,"documentNumber":"   ","name":"X","daysOff":["2026-11-24"]}""", "documentNumber" },
        // 28/11/2026 is a Saturday.
        { """{"key":"2026-x","year":2026,"documentNumber":"CV 1","name":"X","daysOff":["2026-11-28"]}""", "daysOff[0]" },
        // 25/11/2026 is a Wednesday.
        { """{"key":"2026-x","year":2026,"documentNumber":"CV 1","name":"X","daysOff":["2026-11-24"],"makeUpWorkingDays":["2026-11-25"]}""", "makeUpWorkingDays[0]" },
        { """{"key":"2026-x","year":2026,"documentNumber":"CV 1","name":"X","daysOff":["24/11/2026"]}""", "daysOff[0]" },
        { """{"key":"2026-x","year":2026,"documentNumber":"CV 1","name":"X","daysOff":["2024-11-25"]}""", "daysOff[0]" },
        { """{"key":"2199-x","year":2199,"documentNumber":"CV 1","name":"X","daysOff":["2200-01-01"]}""", "daysOff[0]" },
        { """{"key":"1899-x","year":1899,"documentNumber":"CV 1","name":"X","daysOff":["1899-12-29"]}""", "year" },
        { """{"key":"2026-x","year":2026,"covers":["Christmas"],"documentNumber":"CV 1","name":"X","daysOff":["2026-12-25"]}""", "covers[0]" },
        { """{"key":"Bad Key","year":2026,"documentNumber":"CV 1","name":"X","daysOff":["2026-11-24"]}""", "key" },
        { """{"key":"2026-x","year":2026,"documentNumber":"CV 1","name":"X"}""", "daysOff" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task Add_BadInput_Is400NamingTheFieldAndWritesNothing(string json, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var before = await RevisionCountAsync(null);

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await AssertInvalidAsync(await admin.PostAsync(new Uri("/api/admin/calendar/notices", UriKind.Relative), content), field);

        Assert.Equal(before, await RevisionCountAsync(null));
    }

    public static TheoryData<string, string> BadCalendars() => new()
    {
        { "not a calendar", "body" },
        { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", "body" },
        { Calendar("DTSTART;VALUE=DATE:20261124\r\nSUMMARY:Ngày lẻ"), "events[0].X-ONESTOP-DOCUMENT" },
        { Calendar("DTSTART:20261124T090000Z\r\nX-ONESTOP-DOCUMENT:CV 1"), "events[0].DTSTART" },
        { Calendar("DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261124\r\nX-ONESTOP-DOCUMENT:CV 1"), "events[0].DTEND" },
        { Calendar("DTSTART;VALUE=DATE:20261124\r\nRRULE:FREQ=YEARLY\r\nX-ONESTOP-DOCUMENT:CV 1"), "events[0].RRULE" },
        // A single Saturday as a day off.
        { Calendar("DTSTART;VALUE=DATE:20261128\r\nX-ONESTOP-KEY:2026-sat\r\nX-ONESTOP-DOCUMENT:CV 1"), "notices[2026-sat].daysOff[0]" },
    };

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public async Task Import_BadCalendar_Is400NamingTheEventAndWritesNothing(string ics, string field)
    {
        var admin = await factory.ClientForAsync("admin");
        var before = await RevisionCountAsync(null);

        await AssertInvalidAsync(await ImportAsync(admin, ics), field);

        Assert.Equal(before, await RevisionCountAsync(null));
    }

    [Fact]
    public async Task Import_PlainEventsWithDocumentNumber_BecomeOneNoticePerYear()
    {
        var admin = await factory.ClientForAsync("admin");
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280612\r\nDTEND;VALUE=DATE:20280619\r\nSUMMARY:Nghỉ thử nghiệm\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280624\r\nCATEGORIES:makeup\r\nSUMMARY:Làm bù\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

        using var response = await ImportAsync(admin, ics, "?documentNumber=" + Uri.EscapeDataString("Công văn 99/TEST") + "&key=test-import");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("test-import-2028", Assert.Single(body.RootElement.GetProperty("added").EnumerateArray()).GetString());
        using var calendar = await GetAsync(factory.CreateClient(), "/api/calendar/2028");
        var daysOff = calendar.RootElement.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        // 12–18 June 2028: Monday to Sunday; the weekend of the range is not a "day off" of the notice.
        Assert.Equal(["2028-06-12", "2028-06-13", "2028-06-14", "2028-06-15", "2028-06-16"], daysOff.Where(d => d!.StartsWith("2028-06", StringComparison.Ordinal)));
        Assert.Contains(calendar.RootElement.GetProperty("makeUpWorkingDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2028-06-24");
    }

    [Theory]
    [InlineData("GET", "/api/admin/calendar/notices")]
    [InlineData("POST", "/api/admin/calendar/notices")]
    [InlineData("GET", "/api/admin/calendar/export.ics?from=2025&to=2026")]
    [InlineData("POST", "/api/admin/calendar/import")]
    public async Task Endpoints_Clerk_Are403(string method, string url)
    {
        var clerk = await factory.ClientForAsync("motcua");
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = url.EndsWith("import", StringComparison.Ordinal)
                ? new StringContent(Calendar("DTSTART;VALUE=DATE:20261124\r\nX-ONESTOP-DOCUMENT:CV 1"), Encoding.UTF8, "text/calendar")
                : JsonContent.Create(CultureDay);
        }

        using var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("?from=1899&to=1900", "from")]
    [InlineData("?from=2026&to=2025", "to")]
    [InlineData("?from=1900&to=2199", "to")]
    public async Task Export_BadRange_Is400(string query, string field)
    {
        var admin = await factory.ClientForAsync("admin");

        await AssertInvalidAsync(await admin.GetAsync(new Uri("/api/admin/calendar/export.ics" + query, UriKind.Relative)), field);
    }

    [Fact]
    public async Task Export_Year_HasOneAllDayEventPerDayWithCategoriesAndStableUids()
    {
        var admin = await factory.ClientForAsync("admin");

        using var response = await admin.GetAsync(new Uri("/api/admin/calendar/export.ics?from=2025&to=2025", UriKind.Relative));

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var events = OneStop.Api.Administration.ICalendarReader.Read(ics).Single().Components;
        var newYear = Assert.Single(events, e => e.Property("DTSTART")!.RawValue == "20250101");
        Assert.Equal("20250101-2025-new-year@onestop", newYear.Property("UID")!.Text);
        Assert.Equal("Tết Dương lịch", newYear.Property("SUMMARY")!.Text);
        Assert.Equal("holiday", newYear.Property("CATEGORIES")!.Text);
        Assert.Equal("swap", Assert.Single(events, e => e.Property("DTSTART")!.RawValue == "20250502").Property("CATEGORIES")!.Text);
        Assert.Equal("makeup", Assert.Single(events, e => e.Property("DTSTART")!.RawValue == "20250426").Property("CATEGORIES")!.Text);
        using var calendar = await GetAsync(admin, "/api/calendar/2025");
        var days = calendar.RootElement.GetProperty("daysOff").GetArrayLength() + calendar.RootElement.GetProperty("makeUpWorkingDays").GetArrayLength();
        Assert.Equal(days, events.Count(e => e.Property("DTSTART")!.RawValue.StartsWith("2025", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExportThenImport_FreshDatabase_GivesTheSameCalendar()
    {
        string ics;
        var expected = new List<string>();
        await using (var source = new OneStopApiFactory())
        {
            var admin = await source.ClientForAsync("admin");
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/calendar/notices", CultureDay)).StatusCode);
            await PostNoticeAsync(admin, "2026-test-swap", ["2026-10-13"], ["2026-10-17"]);
            await PostNoticeAsync(admin, "2026-test-swap", ["2026-10-16"], ["2026-10-17"]);
            ics = await admin.GetStringAsync(new Uri("/api/admin/calendar/export.ics?from=2025&to=2026", UriKind.Relative));
            foreach (var year in new[] { 2024, 2025, 2026, 2027 })
            {
                expected.Add(await source.CreateClient().GetStringAsync(new Uri($"/api/calendar/{year}", UriKind.Relative)));
            }
        }

        await using var target = new OneStopApiFactory();
        var targetAdmin = await target.ClientForAsync("admin");
        Assert.NotEqual(expected[2], await target.CreateClient().GetStringAsync(new Uri("/api/calendar/2026", UriKind.Relative)));

        using var imported = await ImportAsync(targetAdmin, ics);

        var text = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(["2026-culture-day", "2026-test-swap"], body.RootElement.GetProperty("added").EnumerateArray().Select(k => k.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, body.RootElement.GetProperty("corrected").GetArrayLength());
        Assert.Contains("2025-tet", body.RootElement.GetProperty("unchanged").EnumerateArray().Select(k => k.GetString()));
        var actual = new List<string>();
        foreach (var year in new[] { 2024, 2025, 2026, 2027 })
        {
            actual.Add(await target.CreateClient().GetStringAsync(new Uri($"/api/calendar/{year}", UriKind.Relative)));
        }

        Assert.Equal(expected, actual);
        var exportedAgain = await targetAdmin.GetStringAsync(new Uri("/api/admin/calendar/export.ics?from=2025&to=2026", UriKind.Relative));
        Assert.Equal(WithoutRevisionLines(ics), WithoutRevisionLines(exportedAgain));

        using var again = await ImportAsync(targetAdmin, ics);
        using var againBody = await ReadAsync(again);
        Assert.Equal(0, againBody.RootElement.GetProperty("added").GetArrayLength() + againBody.RootElement.GetProperty("corrected").GetArrayLength());
    }

    /// <summary>SEQUENCE is the revision − 1, and the source stored a correction: the rest must be identical.</summary>
    private static string WithoutRevisionLines(string ics) =>
        string.Join("\r\n", ics.Split("\r\n").Where(l => !l.StartsWith("SEQUENCE:", StringComparison.Ordinal)));

    private static string Calendar(string eventLines) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" + eventLines + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static object Notice(string key, string[] daysOff, string[] makeUps) => new
    {
        key,
        year = int.Parse(key[..4], System.Globalization.CultureInfo.InvariantCulture),
        covers = Array.Empty<string>(),
        documentNumber = "Công văn thử nghiệm " + key,
        name = "Hoán đổi thử nghiệm",
        daysOff,
        makeUpWorkingDays = makeUps,
    };

    private static async Task PostNoticeAsync(HttpClient admin, string key, string[] daysOff, string[] makeUps)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/calendar/notices", Notice(key, daysOff, makeUps));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, string ics, string query = "")
    {
        using var content = new StringContent(ics, Encoding.UTF8, "text/calendar");
        return await admin.PostAsync(new Uri("/api/admin/calendar/import" + query, UriKind.Relative), content);
    }

    private static async Task<string?> PreviewDueAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/deadlines/preview", new
        {
            acceptedAt = "2026-11-23T09:00:00+07:00",
            duration = new { amount = 1, unit = "WorkingDays" },
            mode = "WorkingHours",
        });
        using var body = await ReadAsync(response);
        return body.RootElement.GetProperty("dueAt").GetString();
    }

    private async Task<int> RevisionCountAsync(string? key)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var notices = scope.ServiceProvider.GetRequiredService<OneStopDbContext>().CalendarNotices;
        return key is null ? await notices.CountAsync() : await notices.CountAsync(n => n.Key == key);
    }
}
