using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Api.PublicStatus;

/// <summary>
/// What anyone may know of a dossier (Circular 01/2018 art. 16(2)(d)): the code, the procedure, the level of
/// completion, what the citizen must do and by when, and where to ask. Nothing personal.
/// </summary>
/// <param name="Code">The dossier's code as issued.</param>
/// <param name="ProcedureName">The procedure's name.</param>
/// <param name="Status">The state's name (Received, InProcess, AwaitingSupplement, ResultReady, Returned, NotCollected, Refused, Stopped).</param>
/// <param name="StatusText">The state in Vietnamese ("Quá hạn" for a late open dossier).</param>
/// <param name="Message">What the citizen should know or do, in Vietnamese.</param>
/// <param name="AppointmentAt">The appointment in force (the apology's new date once signed).</param>
/// <param name="ResultReady">A result exists (ready, not collected or returned).</param>
/// <param name="Late">Open and past its statutory due or appointment.</param>
/// <param name="StatutoryDueAt">The statutory due, for a late dossier.</param>
/// <param name="Supplement">For a dossier awaiting a supplement: Form 02's documents, reason and the date to bring them by.</param>
/// <param name="Apology">The signed apology (Form 04): new appointment and reason.</param>
/// <param name="ResultReadyAt">When the result reached the desk.</param>
/// <param name="ReturnedAt">When the result was handed over, for a returned dossier.</param>
/// <param name="Reason">The reason of the refusal (Form 03) or of the stop, as the form states it.</param>
/// <param name="Contact">Where to ask and collect: the desk, its address, hours and phone.</param>
/// <param name="RatingOpen">A returned dossier not yet rated: the holder of the receipt may rate it.</param>
public sealed record PublicStatusResponse(
    string Code,
    string ProcedureName,
    string Status,
    string StatusText,
    string Message,
    string AppointmentAt,
    bool ResultReady,
    bool Late,
    string? StatutoryDueAt,
    PublicSupplementResponse? Supplement,
    PublicApologyResponse? Apology,
    string? ResultReadyAt,
    string? ReturnedAt,
    string? Reason,
    PublicContact Contact,
    bool RatingOpen)
{
    public static PublicStatusResponse From(PublicStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Dossier;
        return new PublicStatusResponse(
            d.Code,
            d.ProcedureName,
            d.Status.ToString(),
            view.StatusText,
            view.Message,
            OfficeTime.FormatIso(d.Apology?.NewAppointmentAt ?? d.AppointmentAt),
            d.Status is DossierStatus.ResultReady or DossierStatus.NotCollected or DossierStatus.Returned,
            view.Late,
            view.Late ? OfficeTime.FormatIso(d.StatutoryDueAt) : null,
            d.Supplement is { } s ? new PublicSupplementResponse(s.MissingDocuments, s.Reason, OfficeTime.FormatIso(s.RequestedAt), s.BringBy is { } bringBy ? OfficeTime.FormatIso(bringBy) : null) : null,
            d.Apology is { } a ? new PublicApologyResponse(OfficeTime.FormatIso(a.NewAppointmentAt), a.Reason) : null,
            d.ResultReadyAt is { } r ? OfficeTime.FormatIso(r) : null,
            d.Status == DossierStatus.Returned && d.ClosedAt is { } c ? OfficeTime.FormatIso(c) : null,
            d.ClosingReason,
            d.Contact,
            view.RatingOpen);
    }
}

/// <summary>Form 02: the documents to bring, the reason, and the date by which to bring them.</summary>
public sealed record PublicSupplementResponse(IReadOnlyList<string> MissingDocuments, string Reason, string RequestedAt, string? BringBy);

/// <summary>Form 04: the new appointment and its reason.</summary>
public sealed record PublicApologyResponse(string NewAppointmentAt, string Reason);

/// <summary>
/// <c>POST /api/public/status/{code}/rating</c>: <c>check</c> is the receipt's check value (the <c>k</c> of its QR
/// address); <c>level</c> VerySatisfied, Satisfied or NotSatisfied; <c>comment</c> optional, at most 1,000 characters.
/// </summary>
public sealed record RatingRequest(string? Check, string? Level, string? Comment);

/// <summary>The rating as recorded.</summary>
public sealed record RatingResponse(string Code, string Level, string RatedAt);
