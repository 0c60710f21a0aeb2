using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Language;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Desk;

/// <summary>
/// <c>/quay/tiep-nhan</c>: find the procedure by name or code (listed in Vietnamese order), then one form with the
/// applicant's name in focus, the checklist (nothing ticked until ticked), the proxy and the channel, and the appointment
/// the receipt will print (<see cref="Dossier.Due"/>, the rule registration uses; recomputed for a declared acceptance
/// by the preview button, which saves nothing). The registration goes through <see cref="DossierIntake"/> with an
/// idempotency key drawn when the form is shown, so a double click registers one dossier.
/// </summary>
internal static class RegistrationPage
{
    private const int SearchLimit = 30;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(PagePaths.RegisterPath, Show).RequireAuthorization(Policies.Clerk).ExcludeFromDescription();
        app.MapPost(PagePaths.RegisterPath, Register).RequireAuthorization(Policies.Clerk).ExcludeFromDescription();
        app.MapPost(DeskRoutes.RegisterPreview, Preview).RequireAuthorization(Policies.Clerk).ExcludeFromDescription();
    }

    public static async Task<IResult> Show(
        HttpContext http, string? tim, OneStopDbContext db, CurrentStaff staff, AgencyDeadlines deadlines, IClock clock, CancellationToken cancellationToken)
    {
        var chosen = http.Request.Query["thu-tuc"].ToString();
        var procedures = await OfferedAsync(db, staff, cancellationToken);
        if (chosen.Length > 0)
        {
            var procedure = procedures.SingleOrDefault(p => p.Code == chosen);
            if (procedure is not null && procedure.VersionInForce(clock.GetCurrentInstant()) is { } version)
            {
                var agency = await staff.GetAgencyAsync(cancellationToken);
                return FormPage(procedure, version, _ => null, FormErrors.None, Guid.NewGuid().ToString("N"), null, StatusCodes.Status200OK, deadlines, agency, clock.GetCurrentInstant(), focusName: true);
            }

            return ChoicePage(tim, procedures, "Không tìm thấy thủ tục này hoặc thủ tục chưa có phiên bản có hiệu lực. Chọn lại trong danh sách.");
        }

        return ChoicePage(tim, procedures, null);
    }

    /// <summary>The form posted for a preview: the same form back, with the appointment for the declared acceptance; nothing saved.</summary>
    public static async Task<IResult> Preview(
        IFormCollection form, OneStopDbContext db, CurrentStaff staff, AgencyDeadlines deadlines, IClock clock, CancellationToken cancellationToken)
    {
        string? Value(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        var procedures = await OfferedAsync(db, staff, cancellationToken);
        var now = clock.GetCurrentInstant();
        if (procedures.SingleOrDefault(p => p.Code == Value("procedureCode")) is not { } procedure || procedure.VersionInForce(now) is not { } version)
        {
            return ChoicePage(null, procedures, "Chọn thủ tục hành chính trước khi tiếp nhận.");
        }

        var validation = new Validation();
        var declared = InputPolicy.Instant(VietnameseText.FromLocalInput(Value("acceptedAt")), "acceptedAt", validation);
        var agency = await staff.GetAgencyAsync(cancellationToken);
        return FormPage(procedure, version, Value, FormErrors.From(validation), Value("idempotencyKey") ?? Guid.NewGuid().ToString("N"), null,
            validation.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, deadlines, agency, declared ?? now, focusName: false);
    }

    public static async Task<IResult> Register(
        IFormCollection form, DossierIntake intake, OneStopDbContext db, CurrentStaff staff, AgencyDeadlines deadlines, IClock clock, CancellationToken cancellationToken)
    {
        string? Value(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        var procedures = await OfferedAsync(db, staff, cancellationToken);
        var now = clock.GetCurrentInstant();
        var procedure = procedures.SingleOrDefault(p => p.Code == Value("procedureCode"));
        if (procedure is null || procedure.VersionInForce(now) is not { } version)
        {
            return ChoicePage(null, procedures, "Chọn thủ tục hành chính trước khi tiếp nhận.");
        }

        var agency = await staff.GetAgencyAsync(cancellationToken);
        var checkedIndices = new List<int>();
        var documents = new List<DocumentRequest>();
        for (var i = 0; i < version.RequiredDocuments.Count; i++)
        {
            if (Value($"doc{i}") is not null)
            {
                checkedIndices.Add(i);
                documents.Add(new DocumentRequest(version.RequiredDocuments[i].Name, Count(Value($"docOriginals{i}")), Count(Value($"docCopies{i}"))));
            }
        }

        var applicant = Person("applicant", Value);
        var proxy = Person("proxy", Value);
        var request = new RegisterDossierRequest(
            procedure.Code,
            null,
            applicant,
            proxy is { FullName: null, IdNumber: null, Phone: null, Address: null, Email: null } ? null : proxy,
            documents,
            Enum.TryParse<Channel>(Value("channel"), ignoreCase: false, out var channel) && Enum.IsDefined(channel) ? channel : Channel.Counter,
            VietnameseText.FromLocalInput(Value("acceptedAt")),
            Value("receivedElsewhere.agency") is null && Value("receivedElsewhere.receivedAt") is null
                ? null
                : new ReceivedElsewhereRequest(Value("receivedElsewhere.agency"), VietnameseText.FromLocalInput(Value("receivedElsewhere.receivedAt"))),
            Value("noticeConsent") is not null);
        var key = Value("idempotencyKey") is { Length: > 0 and <= 200 } k ? k : null;
        IResult Again(FormErrors errors, string? error, int status) =>
            FormPage(procedure, version, Value, errors, key ?? Guid.NewGuid().ToString("N"), error, status, deadlines, agency,
                InputPolicy.Instant(request.AcceptedAt, "acceptedAt", new Validation()) ?? now, focusName: false);

        // The API reads an empty list as "the whole checklist"; at the desk, nothing ticked is a mistake.
        if (documents.Count == 0)
        {
            var validation = new Validation();
            validation.Add("documents", ValidationCodes.NoDocumentTicked, "Tick at least one document received.");
            _ = InputRules.Person(request.Applicant, "applicant", required: true, validation);
            _ = InputRules.Person(request.Proxy, "proxy", required: false, validation);
            return Again(FormErrors.From(validation), null, StatusCodes.Status400BadRequest);
        }

        var outcome = await intake.RegisterAsync(request, key, cancellationToken);
        if (outcome.Response is { } created)
        {
            return TypedResults.Redirect(DossierPage.PathOf(created.Code) + "?tb=da-tiep-nhan");
        }

        if (outcome.Replayed is { } replay)
        {
            using var body = JsonDocument.Parse(replay.ResponseBody);
            return TypedResults.Redirect(DossierPage.PathOf(body.RootElement.GetProperty("code").GetString()!) + "?tb=da-tiep-nhan");
        }

        if (outcome.IsKeyReused)
        {
            key = null;
            return Again(FormErrors.None, Messages.Rule("idempotency-key-reused"), StatusCodes.Status409Conflict);
        }

        return Again(DocumentErrors(FormErrors.From(outcome.Errors), checkedIndices), null, StatusCodes.Status400BadRequest);
    }

    /// <summary>documents[j] is the j-th ticked document: point at its line of the checklist.</summary>
    private static FormErrors DocumentErrors(FormErrors from, List<int> checkedIndices)
    {
        var errors = new FormErrors();
        foreach (var (field, message) in from.All)
        {
            errors.Add(field.StartsWith("documents[", StringComparison.Ordinal) && int.TryParse(field.AsSpan(10, field.IndexOf(']', StringComparison.Ordinal) - 10), CultureInfo.InvariantCulture, out var j) && j < checkedIndices.Count
                ? $"documents[{checkedIndices[j]}]" : field, message);
        }

        return errors;
    }

    private static int Count(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (string.IsNullOrWhiteSpace(text) ? 0 : -1);

    private static PersonRequest Person(string prefix, Func<string, string?> value) =>
        new(value($"{prefix}.fullName"), value($"{prefix}.idNumber"), value($"{prefix}.phone"), value($"{prefix}.address"), value($"{prefix}.email"));

    /// <summary>Procedures this member's agency offers, in Vietnamese order (Đ after D, tone marks after letters).</summary>
    private static async Task<List<Procedure>> OfferedAsync(OneStopDbContext db, CurrentStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(member.AgencyPath)).Select(a => a.Id).ToListAsync(cancellationToken);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).ToListAsync(cancellationToken);
        return procedures.Where(p => p.AgencyId is null || agencies.Contains(p.AgencyId.Value)).OrderBy(p => p.Name, VietnameseCollation.Instance).ToList();
    }

    private static RazorComponentResult<ProcedureChoicePage> ChoicePage(string? search, List<Procedure> procedures, string? error)
    {
        var query = VietnameseFolding.Fold(search ?? string.Empty);
        var found = procedures
            .Where(p => query.Length == 0 || VietnameseFolding.Fold(p.Name).Contains(query, StringComparison.Ordinal) || VietnameseFolding.Fold(p.Code).Contains(query, StringComparison.Ordinal))
            .Take(SearchLimit).ToList();
        return PageResults.Page<ProcedureChoicePage>(new { Search = search, Found = found, Error = error }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static RazorComponentResult<RegistrationFormPage> FormPage(
        Procedure procedure, ProcedureVersion version, Func<string, string?> value, FormErrors errors, string key, string? error, int status,
        AgencyDeadlines deadlines, OneStop.Agencies.Agency agency, Instant acceptedAt, bool focusName)
    {
        Deadline? preview;
        try
        {
            preview = Dossier.Due(acceptedAt, version.ProcessingTime, agency.CountingMode, version.CutOff, deadlines.Calculator, deadlines.HoursOf(agency));
        }
        catch (ArgumentOutOfRangeException)
        {
            preview = null;
        }

        return PageResults.Page<RegistrationFormPage>(
            new
            {
                Procedure = procedure,
                Version = version,
                Value = value,
                Errors = errors,
                Key = key,
                Error = error,
                Preview = preview,
                PreviewFrom = acceptedAt,
                FocusName = focusName,
            },
            status);
    }
}
