using System.Net;
using NodaTime;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Documents;

/// <summary>
/// The form set through the API: a dossier accepted in May 2025 prints Circular 01/2018's forms, one accepted
/// today Circular 03/2025's (domain.md "Forms").
/// </summary>
public sealed class FormSetEndpointTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    /// <summary>Monday 30 November 2026, 09:00 in Hà Nội.</summary>
    private static readonly Instant Today = Instant.FromUtc(2026, 11, 30, 2, 0);

    [Fact]
    public async Task Forms_DossierAcceptedMay2025_PrintCircular2018Numbers()
    {
        factory.Clock.Reset(Today);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration(acceptedAt: "2025-05-12T09:00:00+07:00"));

        var receipt = await PdfAsync(clerk, code, "receipt");
        var sheet = await PdfAsync(clerk, code, "control-sheet");
        using var forms = await GetAsync(clerk, $"/api/dossiers/{code}/forms");

        Assert.True(receipt.ContainsCompact("Mẫu số 01"), receipt.All);
        Assert.False(receipt.ContainsCompact("Chữ ký số"), receipt.All);
        Assert.True(sheet.ContainsCompact("Mẫu số 05"), sheet.All);
        Assert.True(sheet.ContainsCompact("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), sheet.All);
        var listed = forms.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "control-sheet");
        Assert.Equal("05", listed.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Forms_DossierAcceptedToday_PrintCircular2025NumbersAndSignatureLine()
    {
        factory.Clock.Reset(Today);
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk);

        var receipt = await PdfAsync(clerk, code, "receipt");
        var sheet = await PdfAsync(clerk, code, "control-sheet");
        using var forms = await GetAsync(clerk, $"/api/dossiers/{code}/forms");

        Assert.True(receipt.ContainsCompact("Mẫu số 01"), receipt.All);
        Assert.Contains(PdfText.Squeeze("(Chữ ký số của người tiếp nhận hồ sơ nếu là biểu mẫu điện tử)"), receipt.Drawn, StringComparison.Ordinal);
        Assert.True(sheet.ContainsCompact("Mẫu số 06"), sheet.All);
        var listed = forms.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "control-sheet");
        Assert.Equal("06", listed.GetProperty("number").GetString());
    }

    [Fact]
    public async Task TrackingBook_2024And2026_PrintForm06ThenForm07()
    {
        factory.Clock.Reset(Today);
        var clerk = await factory.ClientForAsync("motcua");

        var old = await BookAsync(clerk, 2024);
        var current = await BookAsync(clerk, 2026);

        Assert.True(old.ContainsCompact("Mẫu số 06"), old.All);
        Assert.True(current.ContainsCompact("Mẫu số 07"), current.All);
        Assert.True(current.ContainsCompact("SỔ THEO DÕI HỒ SƠ"), current.All);
    }

    private static async Task<PdfText> PdfAsync(HttpClient client, string code, string form)
    {
        using var response = await client.GetAsync(new Uri($"/api/dossiers/{code}/{form}.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfText.Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<PdfText> BookAsync(HttpClient client, int year)
    {
        using var response = await client.GetAsync(new Uri($"/api/reports/tracking-book.pdf?year={year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfText.Read(await response.Content.ReadAsByteArrayAsync());
    }
}
