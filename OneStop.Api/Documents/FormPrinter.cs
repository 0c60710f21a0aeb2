using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Dossiers;
using OneStop.Api.Identity;
using OneStop.Persistence;

namespace OneStop.Api.Documents;

/// <summary>Finds a dossier the user may see, loads its forms' source, logs the personal-data read and renders one form.</summary>
public sealed class FormPrinter(DossierStore store, OneStopDbContext db, CurrentStaff staff, IClock clock, IHttpContextAccessor http, IOptions<DocumentOptions> options, FormSets formSets)
{
    public async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> PrintAsync(
        string code, string form, Func<DossierFormSource, byte[]?> render, CancellationToken cancellationToken, bool personalData = true)
    {
        ArgumentNullException.ThrowIfNull(render);
        var context = http.HttpContext ?? throw new InvalidOperationException("No request.");
        if (await store.FindAsync(code, cancellationToken) is not var (dossier, agency))
        {
            return DossierEndpoints.NotFound(code);
        }

        if (!DossierForms.Exists(dossier, form))
        {
            return FormNotFound(code, form);
        }

        var source = await DossierForms.LoadAsync(db, dossier, agency, formSets, DocumentEndpoints.StatusUrl(context.Request, options.Value, dossier.Code), cancellationToken);
        if (render(source) is not { } pdf)
        {
            return FormNotFound(code, form);
        }

        if (personalData)
        {
            var member = await staff.GetAsync(cancellationToken);
            db.PersonalDataReads.Add(new PersonalDataRead(dossier.Id, member.UserName, clock.GetCurrentInstant(), $"GET /api/dossiers/{{code}}/{form}.pdf"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return DocumentEndpoints.Pdf(context, pdf, $"{form}-{dossier.Code}.pdf");
    }

    private static ProblemHttpResult FormNotFound(string code, string form) =>
        TypedResults.Problem($"Dossier {code} has no {form} form.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
