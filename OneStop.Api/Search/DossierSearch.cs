using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Calendar;
using OneStop.Persistence;
using OneStop.Language;

namespace OneStop.Api.Search;

/// <summary>
/// Runs a <see cref="DossierSearchQuery"/> over the member's agency subtree, in SQL: the code by part (case aside), the
/// folded names by part (<see cref="DossierSearchIndex.NameProperty"/>), an id number or phone through the blind index
/// (the typed number is MACed and looked up; no row is decrypted, and the page of results reads no encrypted column).
/// Newest accepted first; a count of all matches beside the page.
/// </summary>
public sealed class DossierSearch(OneStopDbContext db, CurrentStaff staff, PersonalDataCipher cipher)
{
    /// <summary>A typed number is looked up in the blind index when it has at least this many digits (a phone has 10).</summary>
    private const int MinNumberDigits = 9;

    public async Task<DossierSearchResponse> RunAsync(DossierSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var member = await staff.GetAsync(cancellationToken);
        var rows =
            from d in db.Dossiers.AsNoTracking()
            join a in db.Agencies on d.AgencyId equals a.Id
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            join p in db.Procedures on v.ProcedureId equals p.Id
            where a.Path.StartsWith(member.AgencyPath)
            select new { d, ProcedureCode = p.Code, ProcedureName = p.Name };

        if (query.Text is { } text)
        {
            var code = text.ToUpperInvariant();
            var name = VietnameseFolding.Fold(text);
            var hashes = NumberEntries(text);
            var byNumber = db.DossierBlindIndex.Where(e => hashes.Contains(e.Hash)).Select(e => e.DossierId);
            rows = rows.Where(x =>
                x.d.Code.ToUpper().Contains(code)
                || (name.Length > 0 && EF.Property<string>(x.d, DossierSearchIndex.NameProperty).Contains(name))
                || byNumber.Contains(x.d.Id));
        }

        if (query.Procedure is { } procedure)
        {
            rows = rows.Where(x => x.ProcedureCode == procedure);
        }

        if (query.Statuses.Count > 0)
        {
            var statuses = query.Statuses.ToList();
            rows = rows.Where(x => statuses.Contains(x.d.Status));
        }

        if (query.From is { } from)
        {
            var start = StartOf(from);
            rows = rows.Where(x => x.d.AcceptedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOf(to.PlusDays(1));
            rows = rows.Where(x => x.d.AcceptedAt < end);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderByDescending(x => x.d.AcceptedAt).ThenBy(x => x.d.Code)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new
            {
                x.d.Code, x.ProcedureCode, x.ProcedureName, x.d.Applicant.FullName, x.d.Status, x.d.CurrentUnit,
                x.d.AcceptedAt, x.d.AppointmentAt, x.d.ClosedAt,
            })
            .ToListAsync(cancellationToken);
        var items = page.Select(r => new DossierSearchItem(
            r.Code, r.ProcedureCode, r.ProcedureName, r.FullName, r.Status.ToString(), r.CurrentUnit,
            OfficeTime.FormatIso(r.AcceptedAt), OfficeTime.FormatIso(r.AppointmentAt), r.ClosedAt is { } closed ? OfficeTime.FormatIso(closed) : null)).ToList();
        return new DossierSearchResponse(total, query.Page, query.PageSize, Math.Max(1, (total + query.PageSize - 1) / query.PageSize), items);
    }

    /// <summary>Whether a procedure of that code exists (a filter naming none is a client error).</summary>
    public Task<bool> ProcedureExistsAsync(string code, CancellationToken cancellationToken) =>
        db.Procedures.AsNoTracking().AnyAsync(p => p.Code == code, cancellationToken);

    /// <summary>
    /// The blind-index entries a typed text may be: an id number and a phone, when it is written like a number
    /// (digits with spaces, dots, dashes, brackets or a leading plus) and long enough to be one.
    /// </summary>
    private List<string> NumberEntries(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        if (digits < MinNumberDigits || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '(' or ')' or '+')))
        {
            return [];
        }

        return new[] { cipher.BlindIndex.OfIdNumber(text), cipher.BlindIndex.OfPhone(text) }.OfType<string>().ToList();
    }

    /// <summary>The instant a date starts in office time.</summary>
    private static Instant StartOf(LocalDate date) => OfficeTime.ToInstant(date.AtMidnight());
}
