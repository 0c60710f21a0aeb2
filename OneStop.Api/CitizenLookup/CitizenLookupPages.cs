using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Pages;
using OneStop.Api.PublicStatus;
using OneStop.Dossiers;

namespace OneStop.Api.CitizenLookup;

/// <summary>
/// The citizen's status page, without sign-in (Circular 01/2018 art. 16(2)(d)): <c>/tra-cuu</c> asks for the
/// receipt code, <c>/tra-cuu/{code}</c> (the address in the receipt's QR code, with its check value <c>k</c>) shows
/// what <see cref="PublicStatusStory"/> says for the dossier's state, the desk's contact block, and, after the
/// return and with the receipt's check value, the one-time rating form. It answers from the same reader as
/// <c>/api/public/status/{code}</c>, under the same rate limit; an unknown code reads exactly like a hidden one.
/// The markup only renders the story: what to say for each state lives in <see cref="PublicStatusStory"/>.
/// </summary>
public static class CitizenLookupPages
{
    private const string NotFoundText =
        "Không tìm thấy thông tin công khai cho mã hồ sơ này. Vui lòng kiểm tra lại mã in trên giấy tiếp nhận "
        + "(ví dụ 000.00.12.H99-250303-0001) hoặc liên hệ Bộ phận Một cửa nơi nộp hồ sơ.";

    public static IEndpointRouteBuilder MapCitizenLookupPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageLayout.LookupPath, Ask).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PageLayout.LookupPath + "/{code}", Show).AllowAnonymous().RequireRateLimiting(PublicStatusEndpoints.RateLimitPolicy).ExcludeFromDescription();
        app.MapPost(PageLayout.LookupPath + "/{code}/danh-gia", Rate).AllowAnonymous().RequireRateLimiting(PublicStatusEndpoints.RateLimitPolicy).ExcludeFromDescription();
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

    public static async Task<ContentHttpResult> Show(
        HttpContext http, string code, string? k, PublicStatusReader reader, ReceiptCheck receiptCheck, IClock clock, CancellationToken cancellationToken)
    {
        var facts = await reader.FindAsync(code, cancellationToken);
        if (facts is null)
        {
            return Page("Không tìm thấy hồ sơ", code, NotFoundText, StatusCodes.Status404NotFound);
        }

        var view = PublicStatusStory.Tell(facts, clock.GetCurrentInstant());
        return StatusPage(http, view, receiptCheck.Verify(code, k) ? k!.Trim() : null, null, null, StatusCodes.Status200OK);
    }

    /// <summary>The rating form's post: recorded, then back to the status page; refused, the page says why.</summary>
    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Rate(
        HttpContext http, string code, IFormCollection form, RatingRecorder recorder, PublicStatusReader reader, ReceiptCheck receiptCheck, IClock clock, CancellationToken cancellationToken)
    {
        var check = form["k"].ToString();
        var (outcome, _) = await recorder.RateAsync(code, check, form["level"].ToString(), form["comment"].ToString(), cancellationToken);
        var facts = await reader.FindAsync(code, cancellationToken);
        if (outcome == RatingOutcome.Recorded)
        {
            return TypedResults.Redirect(PageLayout.LookupPath + "/" + Uri.EscapeDataString(facts?.Code ?? code.Trim()) + "?da-danh-gia=1");
        }

        if (facts is null || outcome == RatingOutcome.NotFound)
        {
            return Page("Không tìm thấy hồ sơ", code, NotFoundText, StatusCodes.Status404NotFound);
        }

        var (error, status) = outcome switch
        {
            RatingOutcome.InvalidLevel => ("Chọn một mức đánh giá.", StatusCodes.Status400BadRequest),
            RatingOutcome.CommentTooLong => ("Ý kiến tối đa 1.000 ký tự.", StatusCodes.Status400BadRequest),
            RatingOutcome.NeedsReceipt => ("Chỉ người giữ giấy tiếp nhận mới đánh giá được: mời quét mã QR trên giấy tiếp nhận.", StatusCodes.Status403Forbidden),
            RatingOutcome.BeforeReturn => ("Chỉ đánh giá sau khi đã nhận kết quả.", StatusCodes.Status409Conflict),
            _ => ("Hồ sơ này đã được đánh giá.", StatusCodes.Status409Conflict),
        };
        var view = PublicStatusStory.Tell(facts, clock.GetCurrentInstant());
        var validCheck = receiptCheck.Verify(code, check) ? check.Trim() : null;
        return StatusPage(http, view, validCheck, error, form["comment"].ToString(), status);
    }

    private static ContentHttpResult StatusPage(HttpContext http, PublicStatusView view, string? check, string? ratingError, string? comment, int statusCode)
    {
        var d = view.Dossier;
        var steps = view.Steps.Count == 0
            ? Html.Empty
            : Html.Of($"""
                <h2>Mức độ hoàn thành</h2>
                <ol class="progress">{view.Steps.Select(s => s.State switch
                {
                    2 => Html.Of($"""<li class="done">{s.Text} <span class="visually-hidden">(đã xong)</span></li>"""),
                    1 => Html.Of($"""<li class="current" aria-current="step">{s.Text}</li>"""),
                    _ => Html.Of($"""<li>{s.Text}</li>"""),
                })}</ol>
                """);
        var appointment = view.Appointment is { } at
            ? Html.Of($"""<p>Hẹn trả kết quả: <strong>{VietnameseText.Appointment(at)}</strong></p>""")
            : Html.Empty;
        var facts = view.Facts.Count == 0
            ? Html.Empty
            : Html.Of($"""<dl class="card-facts status-facts">{view.Facts.Select(f => Html.Of($"""<dt>{f.Label}</dt><dd>{f.Value}</dd>"""))}</dl>""");
        var tone = view.Tone.ToString().ToLowerInvariant();
        var main = Html.Of($"""
            <h1>Tình trạng hồ sơ</h1>
            <section class="status-card" aria-labelledby="status-heading">
              <dl class="card-facts">
                <dt>Mã hồ sơ</dt><dd class="code"><strong>{d.Code}</strong></dd>
                <dt>Thủ tục</dt><dd>{d.ProcedureName}</dd>
              </dl>
              <h2 id="status-heading" class="visually-hidden">Tình trạng</h2>
              <p class="status">{view.StatusText}</p>
              <p class="notice notice-{tone} status-message">{view.Message}</p>
              {appointment}
              {facts}
            </section>
            {steps}
            {Rating(http, view, check, ratingError, comment)}
            {Contact(d.Contact)}
            <p><a href="{PageLayout.LookupPath}">Tra cứu mã khác</a></p>
            """);
        return PageLayout.Public("Tình trạng hồ sơ " + d.Code, main, statusCode);
    }

    private static Html Contact(PublicContact contact) => Html.Of($"""
        <section class="contact" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Nơi liên hệ</h2>
          <dl class="card-facts">
            <dt>Nơi tiếp nhận và trả kết quả</dt><dd>{contact.Desk}, {contact.Agency}</dd>
            {Html.When(contact.Address.Length > 0, () => Html.Of($"""<dt>Địa chỉ</dt><dd>{contact.Address}</dd>"""))}
            <dt>Giờ làm việc</dt><dd>{Html.Join(contact.Hours.Select((h, i) => i == 0 ? Html.Text(h) : Html.Of($"""<br>{h}""")))}</dd>
            {Html.When(contact.Phone.Length > 0, () => Html.Of($"""<dt>Điện thoại</dt><dd><a href="tel:{contact.Phone.Replace(" ", string.Empty, StringComparison.Ordinal)}">{contact.Phone}</a></dd>"""))}
          </dl>
        </section>
        """);

    private static Html Rating(HttpContext http, PublicStatusView view, string? check, string? error, string? comment)
    {
        if (view.Dossier.Status != DossierStatus.Returned)
        {
            return Html.Empty;
        }

        if (!view.RatingOpen)
        {
            return Html.Of($"""<section class="rating"><h2>Đánh giá</h2><p class="notice notice-success" role="status">Cảm ơn ông/bà đã đánh giá chất lượng phục vụ.</p></section>""");
        }

        if (check is null)
        {
            return Html.Of($"""
                <section class="rating">
                  <h2>Đánh giá</h2>
                  {PageLayout.Notice("error", error)}
                  <p>Ông/bà có thể đánh giá chất lượng phục vụ một lần: mời quét mã QR trên giấy tiếp nhận để mở trang đánh giá.</p>
                </section>
                """);
        }

        var action = PageLayout.LookupPath + "/" + Uri.EscapeDataString(view.Dossier.Code) + "/danh-gia";
        return Html.Of($"""
            <section class="rating" aria-labelledby="rating-heading">
              <h2 id="rating-heading">Đánh giá chất lượng phục vụ</h2>
              {PageLayout.Notice("error", error)}
              <form method="post" action="{action}" class="stack">
                {PageForms.Antiforgery(http)}
                <input type="hidden" name="k" value="{check}">
                <fieldset>
                  <legend>Ông/bà đánh giá việc giải quyết hồ sơ này thế nào?</legend>
                  {RatingRecorder.Levels.Select(l => Html.Of($"""<label><input type="radio" name="level" value="{l.Level.ToString()}" required> {l.Text}</label>"""))}
                </fieldset>
                {PageForms.TextArea("comment", "Ý kiến (không bắt buộc)", comment, FormErrors.None, hint: "Tối đa 1.000 ký tự. Xin đừng ghi thông tin cá nhân.")}
                <button type="submit">Gửi đánh giá</button>
              </form>
            </section>
            """);
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
