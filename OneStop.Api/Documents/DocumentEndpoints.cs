using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Documents;

/// <summary>
/// The printed forms as PDF: a dossier's receipt, supplement request, refusal, apology, control sheet and stop
/// notice for staff, and the agency's tracking book, numbered and titled by the dossier's form set (Circular
/// 01/2018 before 1 July 2025, Circular 03/2025 after; <see cref="FormSets"/>). A form that does not exist for the dossier is a 404. Every form that prints the applicant logs a
/// personal-data read (Decree 13/2023), as <c>GET /api/dossiers/{code}</c> does.
/// </summary>
public static class DocumentEndpoints
{
    private const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/dossiers/{code}").WithTags("Documents").RequireAuthorization(Policy(Roles.Staff));
        forms.MapGet("/forms", ListForms);
        forms.MapGet("/receipt.pdf", ReceiptPdf);
        forms.MapGet("/supplement-request.pdf", SupplementRequestPdf);
        forms.MapGet("/refusal.pdf", RefusalPdf);
        forms.MapGet("/apology.pdf", ApologyPdf);
        forms.MapGet("/control-sheet.pdf", ControlSheetPdf);
        forms.MapGet("/stop-notice.pdf", StopNoticePdf);
        app.MapGet("/api/reports/tracking-book.pdf", TrackingBookPdf).WithTags("Documents")
            .RequireAuthorization(Policy(Roles.Clerk, Roles.Head, Roles.Supervisor, Roles.Admin));
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<DossierFormLink>>, ProblemHttpResult>> ListForms(
        string code, DossierStore store, FormSets formSets, CancellationToken cancellationToken) =>
        await store.FindAsync(code, cancellationToken) is var (dossier, agency)
            ? TypedResults.Ok(DossierForms.Available(dossier, formSets.For(agency.ElectronicId, dossier.AcceptedAt)))
            : DossierEndpoints.NotFound(code);

    /// <summary>Form 01; <c>?number=</c> picks a re-issued receipt (default: the latest).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ReceiptPdf(
        string code, string? number, FormPrinter printer, ReceiptFormRenderer renderer, CancellationToken cancellationToken)
    {
        if (!TryNumber(number, out var n, out var invalid))
        {
            return invalid;
        }

        return await printer.PrintAsync(code, DossierForms.Receipt, s => DossierForms.ToReceipt(s, n) is { } form ? renderer.Render(form) : null, cancellationToken);
    }

    /// <summary>Form 02; <c>?number=</c> picks an earlier request (default: the latest).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> SupplementRequestPdf(
        string code, string? number, FormPrinter printer, SupplementRequestFormRenderer renderer, CancellationToken cancellationToken)
    {
        if (!TryNumber(number, out var n, out var invalid))
        {
            return invalid;
        }

        return await printer.PrintAsync(code, DossierForms.SupplementRequest, s => DossierForms.ToSupplementRequest(s, n) is { } form ? renderer.Render(form) : null, cancellationToken);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> RefusalPdf(
        string code, FormPrinter printer, RefusalFormRenderer renderer, CancellationToken cancellationToken) =>
        await printer.PrintAsync(code, DossierForms.Refusal, s => DossierForms.ToRefusal(s) is { } form ? renderer.Render(form) : null, cancellationToken);

    /// <summary>Form 04: the signed apology, or the pending one watermarked "DỰ THẢO".</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ApologyPdf(
        string code, FormPrinter printer, ApologyFormRenderer renderer, CancellationToken cancellationToken) =>
        await printer.PrintAsync(code, DossierForms.Apology, s => DossierForms.ToApology(s) is { } form ? renderer.Render(form) : null, cancellationToken);

    /// <summary>The control sheet carries no personal data: its print is not logged.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ControlSheetPdf(
        string code, FormPrinter printer, ControlSheetFormRenderer renderer, IClock clock, CancellationToken cancellationToken) =>
        await printer.PrintAsync(
            code,
            DossierForms.ControlSheet,
            s => renderer.Render(DossierForms.ToControlSheet(s, OfficeTime.ToLocal(clock.GetCurrentInstant()).Date)),
            cancellationToken,
            personalData: false);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> StopNoticePdf(
        string code, FormPrinter printer, StopNoticeRenderer renderer, CancellationToken cancellationToken) =>
        await printer.PrintAsync(code, DossierForms.StopNotice, s => DossierForms.ToStopNotice(s) is { } form ? renderer.Render(form) : null, cancellationToken);

    /// <summary>
    /// The tracking book for one agency's dossiers accepted in <paramref name="year"/> (office time), in tracking-number
    /// order; <paramref name="agency"/> (electronic id) defaults to the user's own and must lie in their subtree.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> TrackingBookPdf(
        string? agency, string? year, OneStopDbContext db, CurrentStaff staff, IClock clock, TrackingBookRenderer renderer, FormSets formSets, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1990 or > 2200)
        {
            validation.Add("year", "Required: a year from 1990 to 2200, e.g. year=2025.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var member = await staff.GetAsync(cancellationToken);
        var chosen = string.IsNullOrWhiteSpace(agency)
            ? await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == member.AgencyId, cancellationToken)
            : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ElectronicId == agency && a.Path.StartsWith(member.AgencyPath), cancellationToken);
        if (chosen is null)
        {
            return TypedResults.Problem($"No agency {agency} that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var yearStart = OfficeTime.ToInstant(new LocalDateTime(y, 1, 1, 0, 0));
        var yearEnd = OfficeTime.ToInstant(new LocalDateTime(y + 1, 1, 1, 0, 0));
        var rows = await (from d in db.Dossiers.AsNoTracking()
                          where d.AgencyId == chosen.Id && d.AcceptedAt >= yearStart && d.AcceptedAt < yearEnd
                          join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
                          join p in db.Procedures on v.ProcedureId equals p.Id
                          orderby d.TrackingNumber
                          select new { Dossier = d, p.Name }).ToListAsync(cancellationToken);

        var now = clock.GetCurrentInstant();
        var form = new TrackingBookForm(
            DossierForms.TrackingBookHeading(chosen, y, OfficeTime.ToLocal(now).Date, formSets),
            null,
            y.ToString(CultureInfo.InvariantCulture),
            rows.Select(r => DossierForms.ToTrackingBookEntry(r.Dossier, r.Name, chosen)).ToList());
        var pdf = renderer.Render(form);

        // The reads are logged once the book is rendered: the commit is the last thing that can fail.
        db.PersonalDataReads.AddRange(rows.Select(r => new PersonalDataRead(r.Dossier.Id, member.UserName, now, "GET /api/reports/tracking-book.pdf")));
        await db.SaveChangesAsync(cancellationToken);
        return Pdf(http, pdf, string.Create(CultureInfo.InvariantCulture, $"tracking-book-{chosen.ElectronicId}-{y}.pdf"));
    }

    /// <summary>The PDF, shown in the browser (inline) so that the desk prints it from there.</summary>
    internal static FileContentHttpResult Pdf(HttpContext http, byte[] pdf, string fileName)
    {
        // filename* carries a name that is not ASCII (a code of an agency saved before ids were ASCII-only), which
        // a bare header would refuse after the read was logged.
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, PdfType);
    }

    /// <summary>
    /// The public status address of a dossier with the receipt's check value, as its QR code encodes it. The check
    /// value k lets the holder of the receipt rate the service once the result is returned.
    /// </summary>
    internal static Uri StatusUrl(HttpRequest request, DocumentOptions options, string code)
    {
        var check = request.HttpContext.RequestServices.GetRequiredService<PublicStatus.ReceiptCheck>().For(code);
        return Infrastructure.PublicAddressSetup.PublicUrl(request, options, $"{Pages.PagePaths.LookupPath}/{Uri.EscapeDataString(code)}?k={check}");
    }

    private static bool TryNumber(string? text, out int? number, out ValidationProblem invalid)
    {
        number = null;
        invalid = null!;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            number = n;
            return true;
        }

        invalid = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["number"] = ["A form number, from 1."] });
        return false;
    }

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Policy(params string[] roles) =>
        p => p.RequireRole(roles.SelectMany(r => r.Split(',')));
}
