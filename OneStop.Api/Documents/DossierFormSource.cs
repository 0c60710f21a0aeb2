using OneStop.Agencies;
using OneStop.Dossiers;
using OneStop.Procedures;

namespace OneStop.Api.Documents;

/// <summary>Everything one dossier's forms are drawn from, loaded once per request by <see cref="DossierForms.LoadAsync"/>.</summary>
/// <remarks>
/// <para><c>ParentAgencyName</c>: The supervising agency printed above the issuing one on Form 04 and the stop notice; null for a root agency.</para>
/// <para><c>Events</c>: The dossier's ledger in order: refusal and stop reasons, and the appointment an apology replaced, are read from it.</para>
/// <para><c>StaffNames</c>: Full names by user name, for the clerks, officers and heads the records name.</para>
/// <para><c>Forms</c>: The form set the dossier prints, chosen by its acceptance date and its agency's province.</para>
/// <para><c>ReceivingAgency</c>: For a dossier received regardless of administrative boundary, the agency whose desk received it.</para>
/// </remarks>
public sealed record DossierFormSource(
    Dossier Dossier,
    Agency Agency,
    string? ParentAgencyName,
    Procedure Procedure,
    IReadOnlyList<DossierEvent> Events,
    IReadOnlyDictionary<string, string> StaffNames,
    Uri StatusUrl,
    FormSet Forms,
    Agency? ReceivingAgency = null)
{
    /// <summary>The person's full name for a user name; anything else (a name typed at a hand-over) as written.</summary>
    public string NameOf(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? string.Empty
        : StaffNames.TryGetValue(userName, out var name) && name.Length > 0 ? name
        : userName;

    /// <summary>The details of the last event of a kind; empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> LastDetails(DossierEventKind kind) =>
        Events.LastOrDefault(e => e.Kind == kind) is { } e ? EventDetails.Read(e.Details) : new Dictionary<string, string>();
}
