namespace OneStop.Notifications;

/// <summary>Who a notice is for. Stored by name: never renumber.</summary>
public enum NoticeAudience
{
    /// <summary>The applicant (or proxy): appointment moved, result ready, early return, not collected.</summary>
    Citizen,

    /// <summary>The officer handling the dossier's department.</summary>
    Officer,

    /// <summary>The head of the department holding the dossier.</summary>
    HeadOfDepartment,

    /// <summary>The head of the agency, who signs apologies (Form 04).</summary>
    HeadOfAgency,

    /// <summary>The supervisor of the one-stop desk.</summary>
    Supervisor,
}
