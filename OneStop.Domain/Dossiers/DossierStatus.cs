namespace OneStop.Dossiers;

/// <summary>Where a dossier is in its life (domain.md, "The dossier's life").</summary>
public enum DossierStatus
{
    /// <summary>Accepted at the desk, not yet at a department.</summary>
    Received,

    /// <summary>At a department; may pass through several.</summary>
    InProcess,

    /// <summary>Returned to the citizen with Form 02; the clock is stopped and restarts from zero.</summary>
    AwaitingSupplement,

    /// <summary>The result is back at the desk.</summary>
    ResultReady,

    /// <summary>Handed to the citizen. Terminal.</summary>
    Returned,

    /// <summary>The result waited longer than the configured time; still returnable.</summary>
    NotCollected,

    /// <summary>Refused with Form 03. Terminal.</summary>
    Refused,

    /// <summary>Stopped at the citizen's request before a result. Terminal; leaves lateness statistics.</summary>
    Stopped,

    /// <summary>Withdrawn. Terminal.</summary>
    Withdrawn,

    /// <summary>
    /// Closed because the citizen did not bring a requested supplement within the procedure's time (e.g. 15 working
    /// days). Terminal; like a stopped dossier it is not agency lateness.
    /// </summary>
    Lapsed,
}

/// <summary>Helpers on <see cref="DossierStatus"/>.</summary>
public static class DossierStatusExtensions
{
    /// <summary>Nothing may happen to a dossier after these.</summary>
    public static bool IsTerminal(this DossierStatus status) =>
        status is DossierStatus.Returned or DossierStatus.Refused or DossierStatus.Stopped or DossierStatus.Withdrawn or DossierStatus.Lapsed;

    /// <summary>A result exists (ready, returned or waiting for the citizen).</summary>
    public static bool HasResult(this DossierStatus status) =>
        status is DossierStatus.ResultReady or DossierStatus.Returned or DossierStatus.NotCollected;

    /// <summary>The level of completion a citizen sees, in Vietnamese.</summary>
    public static string ToVietnamese(this DossierStatus status) => status switch
    {
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProcess => "Đang giải quyết",
        DossierStatus.AwaitingSupplement => "Chờ bổ sung hồ sơ",
        DossierStatus.ResultReady => "Đã có kết quả, chờ trả",
        DossierStatus.Returned => "Đã trả kết quả",
        DossierStatus.NotCollected => "Đã có kết quả, công dân chưa nhận",
        DossierStatus.Refused => "Từ chối giải quyết",
        DossierStatus.Stopped => "Dừng giải quyết",
        DossierStatus.Lapsed => "Đã đóng hồ sơ do quá hạn bổ sung",
        _ => "Đã rút hồ sơ",
    };
}
