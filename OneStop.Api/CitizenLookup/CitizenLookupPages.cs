using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;
using OneStop.Api.Pages;
using OneStop.Api.PublicStatus;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.CitizenLookup;

/// <summary>
/// The citizen's status page, without sign-in (Circular 01/2018 art. 16(2)(d)): <c>/tra-cuu</c> asks for the
/// receipt code, <c>/tra-cuu/{code}</c> (the address in the receipt's QR code) shows the procedure, the level of
/// completion and the appointment, and nothing personal. It answers from the same query as
/// <c>/api/public/status/{code}</c>, under the same rate limit; an unknown code reads exactly like a hidden one.
/// </summary>
public static class CitizenLookupPages
{
    private const string NotFoundText =
        "Không tìm thấy thông tin công khai cho mã hồ sơ này. Vui lòng kiểm tra lại mã in trên giấy tiếp nhận "
        + "(ví dụ 000.00.12.H99-250303-0001) hoặc liên hệ Bộ phận Một cửa nơi nộp hồ sơ.";

    private static readonly (DossierStatus[] Statuses, string Text)[] Steps =
    [
        ([DossierStatus.Received], "Đã tiếp nhận"),
        ([DossierStatus.InProcess, DossierStatus.AwaitingSupplement], "Đang giải quyết"),
        ([DossierStatus.ResultReady, DossierStatus.NotCollected], "Đã có kết quả"),
        ([DossierStatus.Returned], "Đã trả kết quả"),
    ];

    public static IEndpointRouteBuilder MapCitizenLookupPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageLayout.LookupPath, Ask).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PageLayout.LookupPath + "/{code}", Show).AllowAnonymous().RequireRateLimiting(PublicStatusEndpoints.RateLimitPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>The form; a submitted code goes to its own address, the one the QR code carries.</summary>
    public static Results<ContentHttpResult, RedirectHttpResult> Ask(string? ma)
    {
        if (ma is null)
        {
            return Page("Tra cứu hồ sơ", null, null, StatusCodes.Status200OK);
        }

        var code = ma.Trim();
        return code.Length == 0
            ? Page("Tra cứu hồ sơ", code, "Nhập mã hồ sơ in trên giấy tiếp nhận.", StatusCodes.Status400BadRequest)
            : TypedResults.Redirect(PageLayout.LookupPath + "/" + Uri.EscapeDataString(code));
    }

    public static async Task<ContentHttpResult> Show(string code, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var answer = await PublicStatusEndpoints.Get(code, db, cancellationToken);
        if (answer.Result is not Ok<PublicStatusResponse> { Value: { } status })
        {
            return Page("Không tìm thấy hồ sơ", code, NotFoundText, StatusCodes.Status404NotFound);
        }

        var parsed = Enum.Parse<DossierStatus>(status.Status);
        var appointment = OffsetDateTimePattern.ExtendedIso.Parse(status.AppointmentAt).Value.ToInstant();
        var current = Array.FindIndex(Steps, s => s.Statuses.Contains(parsed));
        var steps = current < 0
            ? Html.Empty
            : Html.Of($"""
                <h2>Mức độ hoàn thành</h2>
                <ol class="progress">{Steps.Select((s, i) => i < current
                    ? Html.Of($"""<li class="done">{s.Text} <span class="visually-hidden">(đã xong)</span></li>""")
                    : i == current
                        ? Html.Of($"""<li class="current" aria-current="step">{s.Text}</li>""")
                        : Html.Of($"""<li>{s.Text}</li>"""))}</ol>
                """);
        var appointmentText = status.ResultReady
            ? Html.Of($"""<p class="notice notice-success">Kết quả đã sẵn sàng. Mời ông/bà mang giấy tiếp nhận đến Bộ phận Một cửa để nhận.</p>""")
            : status.SupplementDueAt is { } supplementDue
                ? Html.Of($"""<p class="notice">Hồ sơ đang chờ ông/bà bổ sung. Hạn bổ sung: <strong>{VietnameseText.Appointment(OffsetDateTimePattern.ExtendedIso.Parse(supplementDue).Value.ToInstant())}</strong>; quá hạn này hồ sơ sẽ bị đóng.</p>""")
            : parsed.IsTerminal()
                ? Html.Empty
                : Html.Of($"""<p>Hẹn trả kết quả: <strong>{VietnameseText.Appointment(appointment)}</strong></p>""");
        var main = Html.Of($"""
            <h1>Tình trạng hồ sơ</h1>
            <section class="status-card" aria-labelledby="status-heading">
              <dl class="card-facts">
                <dt>Mã hồ sơ</dt><dd class="code"><strong>{status.Code}</strong></dd>
                <dt>Thủ tục</dt><dd>{status.ProcedureName}</dd>
              </dl>
              <h2 id="status-heading" class="visually-hidden">Tình trạng</h2>
              <p class="status">{status.StatusText}</p>
              {appointmentText}
            </section>
            {steps}
            <p><a href="{PageLayout.LookupPath}">Tra cứu mã khác</a></p>
            """);
        return PageLayout.Public("Tình trạng hồ sơ " + status.Code, main);
    }

    private static ContentHttpResult Page(string title, string? code, string? error, int statusCode) =>
        PageLayout.Public(title, Html.Of($"""
            <h1>Tra cứu tình trạng hồ sơ</h1>
            <p class="lead">Nhập mã hồ sơ in trên giấy tiếp nhận và hẹn trả kết quả, hoặc quét mã QR trên giấy.</p>
            {PageLayout.Notice("error", error)}
            <form method="get" action="{PageLayout.LookupPath}" class="stack" role="search">
              {PageForms.Input("ma", "Mã hồ sơ", code, FormErrors.None, required: true, hint: "Ví dụ: 000.00.12.H99-250303-0001", extra: Html.Of($"""autocomplete="off" spellcheck="false" """))}
              <button type="submit">Tra cứu</button>
            </form>
            <p class="muted">Trang này chỉ cho biết mức độ giải quyết và ngày hẹn trả; không hiển thị thông tin cá nhân.</p>
            """), statusCode);
}
