using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.Dossiers;

/// <summary>
/// Draws a new dossier's code and tracking-book line (Circular 01/2018 art. 19 and 03/2025 art. 13; the book
/// numbers an agency's dossiers continuously through the year) with one atomic statement
/// (<see cref="SequenceCounters"/>). Concurrent registrations get distinct, consecutive numbers without retries.
/// </summary>
/// <remarks>
/// Where the statement runs (<see cref="DrawsApart"/>): on PostgreSQL and SQL Server, where registrations really
/// run in parallel, it commits on its own just before the registration's transaction, so the two counter rows of
/// a busy agency are locked for one statement and not for a whole registration; a registration that then fails
/// (its transaction rolls back) leaves its numbers unused: a gap in the day's codes and the book, never a
/// duplicate. There, registrations of this instance drawing from the same counters at once share one statement
/// (<see cref="CounterGroups"/>). On SQLite, which has one writer at a time anyway, the statement runs inside the registration's
/// transaction and a rollback returns the numbers (no gap).
/// </remarks>
public sealed class DossierNumbering(IOptions<DossierCodeOptions> options)
{
    private readonly DossierCode _standard = new(options.Value.Pattern, options.Value.SequenceDigits);
    private readonly DossierCode _centralised = new(options.Value.CentralisedPattern, options.Value.SequenceDigits);
    private readonly CounterGroups _groups = new();

    /// <summary>Whether numbers are drawn by a statement committed before the registration's transaction.</summary>
    public static bool DrawsApart(OneStopDbContext db) => db is not SqliteOneStopDbContext;

    /// <summary>Draws the code and the book line for a dossier of <paramref name="procedureCode"/> accepted on <paramref name="acceptedOn"/>.</summary>
    public async Task<DrawnNumbers> DrawAsync(OneStopDbContext db, Agency agency, string procedureCode, LocalDate acceptedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var (pattern, prefix) = PrefixOf(agency, procedureCode, acceptedOn);
        string[] keys = [CodeKey(prefix), BookKey(agency.Id, acceptedOn.Year)];
        var values = DrawsApart(db) ? await _groups.DrawAsync(db, keys) : await SequenceCounters.DrawAsync(db, keys, 1, cancellationToken);
        return new DrawnNumbers(pattern.Format(prefix, values[0]), checked((int)values[1]), prefix);
    }

    /// <summary>
    /// Moves the code counter of <paramref name="taken"/>'s prefix past it: a code issued before the counters were
    /// keyed by what the code prints (or by another pattern that printed the same text) already holds it.
    /// </summary>
    public static Task StepOverAsync(OneStopDbContext db, DrawnNumbers taken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var sequence = DossierCode.SequenceOf(taken.Code, taken.Prefix) ?? throw new InvalidOperationException($"{taken.Code} does not start with {taken.Prefix}.");
        return SequenceCounters.RaiseAsync(db, CodeKey(taken.Prefix), sequence, cancellationToken);
    }

    private (DossierCode Pattern, string Prefix) PrefixOf(Agency agency, string procedureCode, LocalDate acceptedOn) =>
        options.Value.CentralisedProcedures.TryGetValue(procedureCode, out var aa)
            ? (_centralised, _centralised.Prefix(agency.ElectronicId, acceptedOn, aa))
            : (_standard, _standard.Prefix(agency.ElectronicId, acceptedOn));

    private static string CodeKey(string prefix) => "code:" + prefix;

    private static string BookKey(Guid agencyId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"book:{agencyId:N}:{year}");
}

/// <summary>A drawn code (and the prefix its daily counter is keyed by) and tracking-book line.</summary>
public sealed record DrawnNumbers(string Code, int TrackingNumber, string Prefix);
