using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Agencies;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.Dossiers;

/// <summary>
/// Draws a new dossier's code and tracking-book line (Circular 01/2018 art. 19 and 03/2025 art. 13; the book
/// numbers an agency's dossiers continuously through the year) in one atomic statement inside the caller's
/// transaction (<see cref="SequenceCounters"/>). Concurrent registrations get distinct, consecutive numbers; a
/// number is skipped only when the registration that drew it rolls back.
/// </summary>
public sealed class DossierNumbering(IOptions<DossierCodeOptions> options)
{
    private readonly DossierCode _standard = new(options.Value.Pattern, options.Value.SequenceDigits);
    private readonly DossierCode _centralised = new(options.Value.CentralisedPattern, options.Value.SequenceDigits);

    /// <summary>Draws the code and the book line for a dossier of <paramref name="procedureCode"/> accepted on <paramref name="acceptedOn"/>.</summary>
    public async Task<DrawnNumbers> DrawAsync(OneStopDbContext db, Agency agency, string procedureCode, LocalDate acceptedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var (pattern, prefix) = PrefixOf(agency, procedureCode, acceptedOn);
        var values = await SequenceCounters.DrawAsync(db, [CodeKey(prefix), BookKey(agency.Id, acceptedOn.Year)], cancellationToken);
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
