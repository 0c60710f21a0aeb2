using System.Net;
using System.Net.Http.Json;
using NodaTime;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Dossiers;

/// <summary>
/// A dossier's whole life through the API, and the races around it: scenarios shared by the SQLite suite and
/// the PostgreSQL suite, which differ only in their factory and in how their facts are skipped.
/// </summary>
public abstract class DossierLifecycleScenarios<TFactory>(TFactory factory)
    where TFactory : OneStopApiFactory
{
    /// <summary>Monday 3 March 2025, 09:00 in Hà Nội.</summary>
    protected static readonly Instant Monday0900 = Instant.FromUtc(2025, 3, 3, 2, 0);

    protected TFactory Factory { get; } = factory;

    protected async Task RegisterToReturnAsync()
    {
        Factory.Clock.Reset(Monday0900);
        var clerk = await Factory.ClientForAsync("motcua");
        var officer = await Factory.ClientForAsync("chuyenvien");

        using var registered = await clerk.PostAsJsonAsync("/api/dossiers", Registration());
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var created = await ReadAsync(registered);
        var code = created.RootElement.GetProperty("code").GetString()!;
        Assert.Matches(@"^000\.00\.12\.H99-250303-\d{4}$", code);
        Assert.Equal("/api/dossiers/" + code, registered.Headers.Location?.OriginalString);
        // Marriage registration: 5 working days from Monday 09:00 is Monday 10/03 09:00.
        Assert.Equal("2025-03-10T09:00:00+07:00", created.RootElement.GetProperty("statutoryDueAt").GetString());
        Assert.Equal("2025-03-10T09:00:00+07:00", created.RootElement.GetProperty("appointmentAt").GetString());

        Factory.Clock.AdvanceHours(1);
        (await PostAsync(clerk, code, "handovers", new { toUnit = "Công chức Tư pháp - Hộ tịch", receiver = "Lê Văn Chuyên", stepBudgetHours = 16 })).EnsureSuccessStatusCode();
        Factory.Clock.AdvanceHours(2);
        (await PostAsync(officer, code, "supplement-requests", new { reason = "Thiếu giấy xác nhận tình trạng hôn nhân", missingDocuments = "Giấy xác nhận tình trạng hôn nhân" })).EnsureSuccessStatusCode();

        // The complete dossier comes back on Wednesday 14:00: the statutory time restarts from zero.
        Factory.Clock.Reset(Instant.FromUtc(2025, 3, 5, 7, 0));
        using var supplemented = await ReadAsync(await PostAsync(clerk, code, "supplements"));
        Assert.Equal("InProcess", supplemented.RootElement.GetProperty("status").GetString());
        Assert.Equal("2025-03-12T14:00:00+07:00", supplemented.RootElement.GetProperty("statutoryDueAt").GetString());

        Factory.Clock.AdvanceHours(24);
        (await PostAsync(officer, code, "result", new { note = "Đã ký giấy chứng nhận kết hôn" })).EnsureSuccessStatusCode();
        Factory.Clock.AdvanceHours(2);
        using var returned = await ReadAsync(await PostAsync(clerk, code, "return", new { receivedBy = "Nguyễn Thị Hồng Nhung" }));
        Assert.Equal("Returned", returned.RootElement.GetProperty("status").GetString());

        using var events = await GetAsync(clerk, $"/api/dossiers/{code}/events");
        Assert.Equal(
            ["Registered", "HandedOver", "SupplementRequested", "SupplementReceived", "ResultReady", "Returned"],
            events.RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        using var verified = await GetAsync(clerk, $"/api/dossiers/{code}/verify");
        Assert.True(verified.RootElement.GetProperty("valid").GetBoolean());

        var anonymous = Factory.CreateClient();
        var publicText = await anonymous.GetStringAsync(new Uri($"/api/public/status/{code}", UriKind.Relative));
        using var status = System.Text.Json.JsonDocument.Parse(publicText);
        Assert.Equal(code, status.RootElement.GetProperty("code").GetString());
        Assert.Equal("Đăng ký kết hôn", status.RootElement.GetProperty("procedureName").GetString());
        Assert.Equal("Đã trả kết quả", status.RootElement.GetProperty("statusText").GetString());
        Assert.DoesNotContain("Nhung", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("001190012345", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", publicText, StringComparison.Ordinal);
        // The applicant's address is not shown; the agency's own name and desk address (the contact block) are public.
        Assert.DoesNotContain("Phường Đống Đa, Hà Nội", publicText, StringComparison.Ordinal);
    }

    protected async Task SameIdempotencyKeyTwiceAsync()
    {
        Factory.Clock.Reset(Monday0900);
        var clerk = await Factory.ClientForAsync("motcua");
        var key = Guid.NewGuid().ToString();

        using var first = await SendWithKeyAsync(clerk, key, Registration());
        using var second = await SendWithKeyAsync(clerk, key, Registration());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        using var a = await ReadAsync(first);
        using var b = await ReadAsync(second);
        Assert.Equal(a.RootElement.GetProperty("code").GetString(), b.RootElement.GetProperty("code").GetString());
        using var again = await SendWithKeyAsync(clerk, key, Registration("1.004227.H99"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    protected async Task ClerksRegisteringAtOnceAsync(int clerkCount)
    {
        Factory.Clock.Reset(Monday0900.Plus(Duration.FromDays(1)));
        var clerks = await Task.WhenAll(Enumerable.Range(0, clerkCount).Select(_ => Factory.ClientForAsync("motcua")));

        var answers = await Task.WhenAll(clerks.Select(async c =>
        {
            using var response = await c.PostAsJsonAsync("/api/dossiers", Registration());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            using var body = await ReadAsync(response);
            return (Code: body.RootElement.GetProperty("code").GetString()!, Line: body.RootElement.GetProperty("trackingNumber").GetInt32());
        }));

        var sequences = answers.Select(a => int.Parse(a.Code[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(answers.Length, answers.Select(a => a.Code).Distinct().Count());
        Assert.Equal(Enumerable.Range(sequences[0], answers.Length), sequences);
        var lines = answers.Select(a => a.Line).Order().ToList();
        Assert.Equal(Enumerable.Range(lines[0], answers.Length), lines);
    }

    protected async Task TwoClerksReturningAtOnceAsync()
    {
        Factory.Clock.Reset(Monday0900);
        var clerk = await Factory.ClientForAsync("motcua");
        var other = await Factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);
        Factory.Clock.AdvanceHours(1);
        (await PostAsync(clerk, code, "result")).EnsureSuccessStatusCode();
        Factory.Clock.AdvanceHours(1);

        var answers = await Task.WhenAll(PostAsync(clerk, code, "return"), PostAsync(other, code, "return"));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        using var events = await GetAsync(clerk, $"/api/dossiers/{code}/events");
        Assert.Single(events.RootElement.EnumerateArray(), e => e.GetProperty("kind").GetString() == "Returned");
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}

/// <summary>The lifecycle suite on the embedded default, SQLite.</summary>
public sealed class SqliteDossierLifecycleTests(OneStopApiFactory factory)
    : DossierLifecycleScenarios<OneStopApiFactory>(factory), IClassFixture<OneStopApiFactory>
{
    [Fact]
    public Task Lifecycle_RegisterToReturn_RecordsEveryStepAndAnswersThePublic() => RegisterToReturnAsync();

    [Fact]
    public Task Register_SameIdempotencyKeyTwice_ReturnsTheFirstAnswer() => SameIdempotencyKeyTwiceAsync();

    [Fact]
    public Task Register_TwentyClerksAtOnce_GetTwentyDistinctConsecutiveCodes() => ClerksRegisteringAtOnceAsync(20);

    [Fact]
    public Task Return_TwoClerksAtOnce_OneSucceedsAndTheLedgerHoldsOneReturn() => TwoClerksReturningAtOnceAsync();
}
