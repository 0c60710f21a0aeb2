using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Pages;
using OneStop.Api.PublicStatus;

namespace OneStop.Api.CitizenLookup;

/// <summary>
/// The citizen's status page, without sign-in (Circular 01/2018 art. 16(2)(d)): <c>/tra-cuu</c> asks for the
/// receipt code (<see cref="CitizenLookupPage"/>), <c>/tra-cuu/{code}</c> (the address in the receipt's QR code, with
/// its check value <c>k</c>) shows what <see cref="PublicStatusStory"/> says for the dossier's state, the desk's
/// contact block, and, after the return and with the receipt's check value, the one-time rating form
/// (<see cref="CitizenStatusPage"/>). It answers from the same reader as <c>/api/public/status/{code}</c>, under the
/// same rate limit; an unknown code reads exactly like a hidden one. The components only lay out the story: what to
/// say for each state lives in <see cref="PublicStatusStory"/>.
/// </summary>
public static class CitizenLookupPages
{
    private const string NotFoundText =
        "Không tìm thấy thông tin công khai cho mã hồ sơ này. Vui lòng kiểm tra lại mã in trên giấy tiếp nhận "
        + "(ví dụ 000.00.12.H99-250303-0001) hoặc liên hệ Bộ phận Một cửa nơi nộp hồ sơ.";

    public static IEndpointRouteBuilder MapCitizenLookupPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePaths.LookupPath, Ask).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PagePaths.LookupPath + "/{code}", Show).AllowAnonymous().RequireRateLimiting(PublicStatusEndpoints.RateLimitPolicy).ExcludeFromDescription();
        app.MapPost(PagePaths.LookupPath + "/{code}/danh-gia", Rate).AllowAnonymous().RequireRateLimiting(PublicStatusEndpoints.RateLimitPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>The form; a submitted code goes to its own address, the one the QR code carries.</summary>
    public static Results<RazorComponentResult<CitizenLookupPage>, RedirectHttpResult> Ask(string? ma)
    {
        if (ma is null)
        {
            return Lookup("Tra cứu hồ sơ", null, null, StatusCodes.Status200OK);
        }

        var code = ma.Trim();
        return code.Length == 0
            ? Lookup("Tra cứu hồ sơ", code, "Nhập mã hồ sơ in trên giấy tiếp nhận.", StatusCodes.Status400BadRequest)
            : TypedResults.Redirect(PagePaths.LookupPath + "/" + Uri.EscapeDataString(code));
    }

    /// <summary>The status page; without the receipt's check value (the rating form) the page rendered for the same story is served again (<see cref="RenderedStatusPages"/>).</summary>
    public static async Task<Results<ContentHttpResult, RazorComponentResult<CitizenStatusPage>, RazorComponentResult<CitizenLookupPage>>> Show(
        string code, string? k, PublicStatusReader reader, ReceiptCheck receiptCheck, RenderedStatusPages pages, IClock clock, CancellationToken cancellationToken)
    {
        var facts = await reader.FindAsync(code, cancellationToken);
        if (facts is null)
        {
            return NotFound(code);
        }

        var view = PublicStatusStory.Tell(facts, clock.GetCurrentInstant());
        var check = receiptCheck.Verify(code, k) ? k!.Trim() : null;
        if (check is null || !view.RatingOpen)
        {
            return TypedResults.Content(await pages.HtmlAsync(view), "text/html; charset=utf-8", System.Text.Encoding.UTF8);
        }

        return Status(view, check, null, null, StatusCodes.Status200OK);
    }

    /// <summary>The rating form's post: recorded, then back to the status page; refused, the page says why.</summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<CitizenStatusPage>, RazorComponentResult<CitizenLookupPage>>> Rate(
        string code, IFormCollection form, RatingRecorder recorder, PublicStatusReader reader, ReceiptCheck receiptCheck, IClock clock, CancellationToken cancellationToken)
    {
        var check = form["k"].ToString();
        var (outcome, _) = await recorder.RateAsync(code, check, form["level"].ToString(), form["comment"].ToString(), cancellationToken);
        var facts = await reader.FindAsync(code, cancellationToken);
        if (outcome == RatingOutcome.Recorded)
        {
            return TypedResults.Redirect(PagePaths.LookupPath + "/" + Uri.EscapeDataString(facts?.Code ?? code.Trim()) + "?da-danh-gia=1");
        }

        if (facts is null || outcome == RatingOutcome.NotFound)
        {
            return NotFound(code);
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
        return Status(view, validCheck, error, form["comment"].ToString(), status);
    }

    private static RazorComponentResult<CitizenStatusPage> Status(PublicStatusView view, string? check, string? ratingError, string? comment, int status) =>
        PageResults.Page<CitizenStatusPage>(
            new Dictionary<string, object?>
            {
                [nameof(CitizenStatusPage.View)] = view,
                [nameof(CitizenStatusPage.Check)] = check,
                [nameof(CitizenStatusPage.RatingError)] = ratingError,
                [nameof(CitizenStatusPage.Comment)] = comment,
            },
            status);

    private static RazorComponentResult<CitizenLookupPage> NotFound(string code) =>
        Lookup("Không tìm thấy hồ sơ", code, NotFoundText, StatusCodes.Status404NotFound);

    private static RazorComponentResult<CitizenLookupPage> Lookup(string title, string? code, string? error, int status) =>
        PageResults.Page<CitizenLookupPage>(
            new Dictionary<string, object?>
            {
                [nameof(CitizenLookupPage.Title)] = title,
                [nameof(CitizenLookupPage.Code)] = code,
                [nameof(CitizenLookupPage.Error)] = error,
            },
            status);
}
