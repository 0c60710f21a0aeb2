using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;

namespace OneStop.Api.Documents;

/// <summary>
/// Maps a dossier and its records to the form view models. Numbers, titles and signature lines come from the
/// dossier's form set (<see cref="FormSets"/>: Circular 01/2018 art. 9 for dossiers accepted before 1 July 2025,
/// Circular 03/2025 Phụ lục I after). Times are printed in office local time; names of staff are their full names,
/// not user names.
/// </summary>
public static class DossierForms
{
    public const string Receipt = "receipt";
    public const string SupplementRequest = "supplement-request";
    public const string Refusal = "refusal";
    public const string Apology = "apology";
    public const string ControlSheet = "control-sheet";
    public const string StopNotice = "stop-notice";

    /// <summary>Every form of a dossier in print order: its address name and what it is.</summary>
    public static readonly IReadOnlyList<(string Name, FormKind Kind)> Catalogue =
    [
        (Receipt, FormKind.Receipt),
        (SupplementRequest, FormKind.SupplementRequest),
        (Refusal, FormKind.Refusal),
        (Apology, FormKind.Apology),
        (ControlSheet, FormKind.ControlSheet),
        (StopNotice, FormKind.StopNotice),
    ];

    private static readonly IReadOnlyList<string> LetterRecipients = ["Như trên", "Lưu: VT"];

    /// <summary>Loads what the forms need beyond the dossier and its agency: the procedure, the parent agency, the ledger and staff names.</summary>
    public static async Task<DossierFormSource> LoadAsync(OneStopDbContext db, Dossier dossier, Agency agency, FormSets formSets, Uri statusUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formSets);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(agency);
        var procedure = await (from v in db.ProcedureVersions
                               where v.Id == dossier.ProcedureVersionId
                               join p in db.Procedures on v.ProcedureId equals p.Id
                               select p).AsNoTracking().SingleAsync(cancellationToken);
        var parent = agency.ParentId is { } parentId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var userNames = events.Select(e => e.Actor)
            .Concat(dossier.Receipts.Select(r => r.IssuedBy))
            .Concat(dossier.SupplementRequests.Select(s => s.RequestedBy))
            .Concat(dossier.Apologies.Select(a => a.ApprovedBy ?? a.RequestedBy))
            .Concat(dossier.Handovers.SelectMany(h => new[] { h.Giver, h.Receiver }))
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && userNames.Contains(u.UserName))
            .Select(u => new { UserName = u.UserName!, u.FullName })
            .ToDictionaryAsync(u => u.UserName, u => u.FullName, StringComparer.Ordinal, cancellationToken);
        var receiving = dossier.ReceivingAgencyId is { } receivingId
            ? await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == receivingId, cancellationToken)
            : null;
        return new DossierFormSource(dossier, agency, parent, procedure, events, names, statusUrl, formSets.For(agency.ElectronicId, dossier.AcceptedAt), receiving);
    }

    /// <summary>The forms that exist for the dossier now, with their number and title in its form set and their addresses.</summary>
    public static IReadOnlyList<DossierFormLink> Available(Dossier dossier, FormSet set)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(set);
        return Catalogue
            .Where(form => Exists(dossier, form.Name))
            .Select(form => new DossierFormLink(form.Name, set[form.Kind].Title, $"/api/dossiers/{Uri.EscapeDataString(dossier.Code)}/{form.Name}.pdf", set[form.Kind].Number))
            .ToList();
    }

    /// <summary>
    /// Whether a form exists: a receipt always (registration issues number 1); the supplement request once a
    /// supplement was requested; the refusal only for a refused dossier; the apology once one was drafted (a draft
    /// until the head signs it); the control sheet always, since it travels with the dossier from reception; the
    /// stop notice only for a stopped dossier.
    /// </summary>
    public static bool Exists(Dossier dossier, string form)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return form switch
        {
            Receipt => dossier.Receipts.Count > 0,
            SupplementRequest => dossier.SupplementRequests.Count > 0,
            Refusal => dossier.Status == DossierStatus.Refused,
            Apology => dossier.Apologies.Count > 0,
            ControlSheet => true,
            StopNotice => dossier.Status == DossierStatus.Stopped,
            _ => false,
        };
    }

    /// <summary>
    /// Form 01 for receipt <paramref name="number"/> (null: the latest re-issue); null when there is no such receipt.
    /// A dossier received regardless of administrative boundary prints the receiving desk's instant as its reception
    /// and, under it, the counting start at the competent agency (Decree 118/2025 art. 17(3) as amended).
    /// </summary>
    public static ReceiptForm? ToReceipt(DossierFormSource source, int? number)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Dossier;
        var receipt = number is { } n ? d.Receipts.SingleOrDefault(r => r.Number == n) : d.Receipts.MaxBy(r => r.Number);
        if (receipt is null)
        {
            return null;
        }

        // The desk that took the dossier in issues the receipt and returns the result, also for another agency.
        var desk = DeskName(source.ReceivingAgency ?? source.Agency);
        return new ReceiptForm(
            new DocumentHeading(source.Agency.Name, Dossier.DeskUnit, DocumentNumber(d, receipt.Number), PlaceName(source.Agency.Name), OfficeTime.ToLocal(receipt.IssuedAt).Date, source.Forms[FormKind.Receipt]),
            d.Code,
            desk,
            Applicant(d.Applicant),
            ProcedureName(source),
            SubmittedDocuments(d),
            1,
            ProcessingTimeText(d.ProcessingTime),
            OfficeTime.ToLocal(d.ReceivedAt ?? d.AcceptedAt),
            OfficeTime.ToLocal(receipt.AppointmentAt),
            desk,
            source.NameOf(receipt.IssuedBy),
            source.StatusUrl,
            TrackingBookNumber: d.TrackingNumber,
            CountingFrom: source.ReceivingAgency is null ? null : (OfficeTime.ToLocal(FirstCountingStart(source)), source.Agency.Name));
    }

    /// <summary>Form 02 for supplement request <paramref name="number"/> (null: the latest).</summary>
    public static SupplementRequestForm? ToSupplementRequest(DossierFormSource source, int? number)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Dossier;
        var request = number is { } n ? d.SupplementRequests.SingleOrDefault(r => r.Number == n) : d.SupplementRequests.MaxBy(r => r.Number);
        if (request is null)
        {
            return null;
        }

        var items = request.MissingDocuments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var officer = source.NameOf(request.RequestedBy);
        return new SupplementRequestForm(
            new DocumentHeading(source.Agency.Name, request.Unit, null, PlaceName(source.Agency.Name), OfficeTime.ToLocal(request.RequestedAt).Date, source.Forms[FormKind.SupplementRequest]),
            d.Code,
            Applicant(d.Applicant),
            ProcedureName(source),
            items.Length > 0 ? items : [request.Reason],
            request.Reason,
            officer,
            null,
            officer);
    }

    /// <summary>Form 03 of a refused dossier; null otherwise.</summary>
    public static RefusalForm? ToRefusal(DossierFormSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Dossier;
        if (d.Status != DossierStatus.Refused)
        {
            return null;
        }

        var refused = source.Events.Last(e => e.Kind == DossierEventKind.Refused);
        var reason = EventDetails.Read(refused.Details).GetValueOrDefault("reason", string.Empty);
        return new RefusalForm(
            new DocumentHeading(source.Agency.Name, Dossier.DeskUnit, null, PlaceName(source.Agency.Name), OfficeTime.ToLocal(refused.OccurredAt).Date, source.Forms[FormKind.Refusal]),
            DeskName(source.Agency),
            Applicant(d.Applicant),
            d.Code,
            ProcedureName(source),
            reason.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            source.NameOf(refused.Actor));
    }

    /// <summary>
    /// Form 04: the approved apology, or else the latest one still waiting for the head, printed as a draft.
    /// The "old" appointment is the one the apology replaced (from the approval event), or today's for a draft.
    /// </summary>
    public static ApologyForm? ToApology(DossierFormSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Dossier;
        var apology = d.Apologies.Where(a => a.Status == ApologyStatus.Approved).MaxBy(a => a.ApprovedAt)
            ?? d.Apologies.MaxBy(a => a.RequestedAt);
        if (apology is null)
        {
            return null;
        }

        var draft = apology.Status != ApologyStatus.Approved;
        var original = d.AppointmentAt;
        if (!draft)
        {
            var approval = source.Events
                .Select(e => (e.Kind, Details: EventDetails.Read(e.Details)))
                .LastOrDefault(e => e.Kind == DossierEventKind.ApologyApproved && e.Details.GetValueOrDefault("apologyId") == apology.Id.ToString());
            if (approval.Details?.GetValueOrDefault("appointmentBefore") is { } before
                && OfficeTime.IsoPattern.Parse(before) is { Success: true } parsed)
            {
                original = parsed.Value.ToInstant();
            }
        }

        var signedOn = OfficeTime.ToLocal(apology.ApprovedAt ?? apology.RequestedAt).Date;
        return new ApologyForm(
            new DocumentHeading(source.ParentAgencyName, source.Agency.Name, null, PlaceName(source.Agency.Name), signedOn, source.Forms[FormKind.Apology]),
            "Ông (Bà) " + d.Applicant.FullName,
            Applicant(d.Applicant),
            source.Agency.Name,
            OfficeTime.ToLocal(d.AcceptedAt).Date,
            ProcedureName(source),
            d.Code,
            OfficeTime.ToLocal(original),
            apology.Reason,
            OfficeTime.ToLocal(apology.NewAppointmentAt),
            new SignatureBlock("Thủ trưởng cơ quan, đơn vị", draft ? null : source.NameOf(apology.ApprovedBy), "(Ký, ghi rõ họ tên và đóng dấu)"),
            LetterRecipients,
            draft);
    }

    /// <summary>The control sheet: one row per hand-over; each row's result is how the step it ended went against its budget.</summary>
    public static ControlSheetForm ToControlSheet(DossierFormSource source, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Dossier;
        var rows = d.Handovers.OrderBy(h => h.Number)
            .Select(h => new HandoverRecord(
                h.FromUnit,
                h.ToUnit,
                OfficeTime.ToLocal(h.At),
                source.NameOf(h.Giver),
                source.NameOf(h.Receiver),
                h.FinishedStepOutcome switch
                {
                    StepOutcome.Early => HandoverOutcome.Early,
                    StepOutcome.OnTime => HandoverOutcome.OnTime,
                    StepOutcome.Late => HandoverOutcome.Late,
                    _ => null,
                }))
            .ToList();
        return new ControlSheetForm(
            new DocumentHeading(source.Agency.Name, Dossier.DeskUnit, null, PlaceName(source.Agency.Name), today, source.Forms[FormKind.ControlSheet]),
            d.Code,
            source.Agency.Name,
            null,
            OfficeTime.ToLocal(d.AcceptedAt),
            OfficeTime.ToLocal(d.AppointmentAt),
            rows);
    }

    /// <summary>The stop notice of a stopped dossier; null otherwise.</summary>
    public static StopNoticeForm? ToStopNotice(DossierFormSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Dossier;
        if (d.Status != DossierStatus.Stopped)
        {
            return null;
        }

        var stopped = source.Events.Last(e => e.Kind == DossierEventKind.Stopped);
        var requestedOn = OfficeTime.ToLocal(stopped.OccurredAt).Date;
        return new StopNoticeForm(
            new DocumentHeading(source.ParentAgencyName, source.Agency.Name, null, PlaceName(source.Agency.Name), OfficeTime.ToLocal(stopped.RecordedAt).Date, source.Forms[FormKind.StopNotice]),
            "Ông (Bà) " + d.Applicant.FullName,
            Applicant(d.Applicant),
            source.Agency.Name,
            d.Code,
            ProcedureName(source),
            OfficeTime.ToLocal(d.AcceptedAt),
            requestedOn,
            EventDetails.Read(stopped.Details).GetValueOrDefault("reason"),
            new SignatureBlock("Thủ trưởng cơ quan, đơn vị", null, "(Ký, ghi rõ họ tên và đóng dấu)"),
            LetterRecipients);
    }

    /// <summary>One line of the tracking book. The number is the dossier's tracking number, continuous through the year (Circular 01/2018 art. 10).</summary>
    public static TrackingBookEntry ToTrackingBookEntry(Dossier dossier, string procedureName, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(agency);
        var returned = dossier.Status == DossierStatus.Returned && dossier.ClosedAt is { } closed ? OfficeTime.ToLocal(closed) : (LocalDateTime?)null;
        return new TrackingBookEntry(
            dossier.TrackingNumber,
            dossier.Code,
            procedureName,
            dossier.Applicant.FullName,
            dossier.Applicant.Address,
            dossier.Applicant.Phone,
            agency.Name,
            OfficeTime.ToLocal(dossier.AcceptedAt),
            OfficeTime.ToLocal(dossier.AppointmentAt),
            returned,
            returned is null ? null : dossier.Channel == Channel.Post ? "Bưu chính" : "Trực tiếp");
    }

    /// <summary>
    /// The heading of the tracking book of <paramref name="year"/>: the desk under its agency, dated the day it is
    /// printed. The book follows the form set in force at the year's last day, or today for the current year (a 2025
    /// book printed now is Circular 03/2025's Form 07; a 2024 book Circular 01/2018's Form 06).
    /// </summary>
    public static DocumentHeading TrackingBookHeading(Agency agency, int year, LocalDate today, FormSets formSets)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(formSets);
        var yearEnd = new LocalDate(year, 12, 31);
        var set = formSets.For(agency.ElectronicId, today < yearEnd ? today : yearEnd);
        return new DocumentHeading(agency.Name, Dossier.DeskUnit, null, PlaceName(agency.Name), today, set[FormKind.TrackingBook]);
    }

    /// <summary>
    /// The place name of the date line (địa danh, Decree 30/2020 app. I): the agency's name without
    /// "Ủy ban nhân dân" and the unit word, e.g. "Ủy ban nhân dân phường Đống Đa" gives "Đống Đa".
    /// </summary>
    public static string PlaceName(string agencyName)
    {
        ArgumentNullException.ThrowIfNull(agencyName);
        var name = agencyName.Trim();
        foreach (var prefix in new[] { "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND " })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        foreach (var unit in new[] { "thành phố ", "tỉnh ", "phường ", "xã ", "đặc khu ", "thị trấn ", "thị xã ", "quận ", "huyện " })
        {
            if (name.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return name[unit.Length..];
            }
        }

        return name;
    }

    /// <summary>"05 ngày làm việc", "04 giờ làm việc", "Trong ngày", "15 ngày", as the receipt prints it.</summary>
    public static string ProcessingTimeText(ProcessingTime time) => time.Unit switch
    {
        DurationUnit.WorkingDays => FormText.Count(time.Amount) + " ngày làm việc",
        DurationUnit.WorkingHours => FormText.Count(time.Amount) + " giờ làm việc",
        DurationUnit.SameDay => "Trong ngày",
        _ => FormText.Count(time.Amount) + " ngày",
    };

    private static string DeskName(Agency agency) => Dossier.DeskUnit + " " + agency.Name;

    /// <summary>When the time first started counting: the registration's, before any supplement restarted it.</summary>
    private static Instant FirstCountingStart(DossierFormSource source) =>
        source.LastDetails(DossierEventKind.Registered).GetValueOrDefault("countingStartsAt") is { } text
            && OfficeTime.IsoPattern.Parse(text) is { Success: true } parsed
            ? parsed.Value.ToInstant()
            : source.Dossier.CountingStartsAt;

    private static string ProcedureName(DossierFormSource source) => $"{source.Procedure.Name} ({source.Procedure.Code})";

    /// <summary>"Số: 0007/TNHS" (the tracking number), "-2" after it for a re-issued receipt.</summary>
    private static string DocumentNumber(Dossier dossier, int receiptNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{dossier.TrackingNumber:00}{(receiptNumber > 1 ? $"-{receiptNumber}" : string.Empty)}/TNHS");

    private static ApplicantDetails Applicant(Person person) =>
        new(person.FullName, person.IdNumber, person.Address, person.Phone, person.Email);

    /// <summary>One line per form a paper came in: originals, copies, or the electronic file of an online dossier.</summary>
    private static List<Documents.SubmittedDocument> SubmittedDocuments(Dossier dossier)
    {
        var lines = new List<Documents.SubmittedDocument>();
        foreach (var document in dossier.Documents)
        {
            if (dossier.Channel == Channel.Online)
            {
                lines.Add(new(document.Name, Math.Max(1, document.Originals + document.Copies), DocumentCopyKind.Electronic));
                continue;
            }

            if (document.Originals > 0 || document.Copies == 0)
            {
                lines.Add(new(document.Name, Math.Max(1, document.Originals), DocumentCopyKind.Original));
            }

            if (document.Copies > 0)
            {
                lines.Add(new(document.Name, document.Copies, DocumentCopyKind.Copy));
            }
        }

        return lines;
    }
}
