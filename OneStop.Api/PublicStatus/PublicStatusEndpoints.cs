using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Ratings;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// The citizen's lookup by receipt code, without sign-in (Circular 01/2018 art. 16(2)(d)): the code, the
/// procedure's name, the level of completion, what to do and by when, and where to ask; nothing personal. Codes
/// are predictable, so lookups are rate-limited per client address, and an unknown code answers exactly like a
/// hidden one. Codes match without regard to case or surrounding spaces. After the return, whoever holds the
/// receipt (its QR code carries a check value) may rate the service once (Decree 309/2026 art. 6).
/// </summary>
public static class PublicStatusEndpoints
{
    public const string RateLimitPolicy = "public-status";

    public static IEndpointRouteBuilder MapPublicStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/status/{code}", Get).WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        app.MapPost("/api/public/status/{code}/rating", Rate).WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<PublicStatusResponse>, ProblemHttpResult>> Get(string code, PublicStatusReader reader, IClock clock, CancellationToken cancellationToken)
    {
        var facts = await reader.FindAsync(code, cancellationToken);
        if (facts is null)
        {
            return NotFound();
        }

        return TypedResults.Ok(PublicStatusResponse.From(PublicStatusStory.Tell(facts, clock.GetCurrentInstant())));
    }

    /// <summary>The one rating of a returned dossier; 403 without the receipt's check value.</summary>
    public static async Task<Results<Created<RatingResponse>, ValidationProblem, ProblemHttpResult>> Rate(
        string code, RatingRequest request, RatingRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Every field is checked before anything else, so that each bad field is named (the input policy).
        var validation = new Validation();
        if (!Enum.TryParse<SatisfactionLevel>(request.Level?.Trim(), ignoreCase: false, out var level) || !Enum.IsDefined(level) || int.TryParse(request.Level, out _))
        {
            validation.Add("level", "VerySatisfied, Satisfied or NotSatisfied.");
        }

        var check = InputPolicy.OptionalText(request.Check, "check", ReceiptCheck.MaxLength, validation);
        var comment = InputPolicy.OptionalText(request.Comment, "comment", CitizenRating.CommentMaxLength, validation, multiLine: true);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var (outcome, rating) = await recorder.RateAsync(code, check, request.Level, comment, cancellationToken);
        return outcome switch
        {
            RatingOutcome.Recorded => TypedResults.Created(
                $"/api/public/status/{Uri.EscapeDataString(code.Trim())}",
                new RatingResponse(PublicCode.Normalize(code)!, rating!.Level.ToString(), OfficeTime.FormatIso(rating.RatedAt))),
            RatingOutcome.InvalidLevel => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["VerySatisfied, Satisfied or NotSatisfied."] }),
            RatingOutcome.CommentTooLong => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = [$"At most {CitizenRating.CommentMaxLength} characters."] }),
            RatingOutcome.NeedsReceipt => Rule(StatusCodes.Status403Forbidden, RatingRules.NeedsReceipt, "The receipt's check value (the k of its QR address) is missing or wrong."),
            RatingOutcome.BeforeReturn => Rule(StatusCodes.Status409Conflict, RatingRules.BeforeReturn, "The service is rated once the result is returned."),
            RatingOutcome.AlreadyGiven => Rule(StatusCodes.Status409Conflict, RatingRules.AlreadyGiven, "This dossier has already been rated."),
            _ => NotFound(),
        };
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Không tìm thấy hồ sơ với mã này.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");

    private static ProblemHttpResult Rule(int status, string code, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = "A business rule forbids this.",
            Detail = detail,
            Type = "https://onestop.local/problems/" + code,
            Extensions = { ["code"] = code },
        });
}
