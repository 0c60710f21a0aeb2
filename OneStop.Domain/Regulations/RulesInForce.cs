using NodaTime;
using OneStop.Calendar;

namespace OneStop.Regulations;

/// <summary>
/// Which one-stop decree governs a dossier: Decree 61/2018 (as amended by Decree 107/2021) for dossiers accepted
/// before 1 July 2025, Decree 118/2025 (as amended by Decree 367/2025 and Decree 309/2026) from then. Texts that cite a
/// rule cite the one in force at the dossier's acceptance.
/// </summary>
public static class RulesInForce
{
    /// <summary>The first day of Decree 118/2025 (and of Circular 03/2025's forms).</summary>
    public static readonly LocalDate Decree118From = new(2025, 7, 1);

    /// <summary>Whether a dossier accepted at <paramref name="acceptedAt"/> (office date) falls under Decree 118/2025.</summary>
    public static bool UnderDecree118(Instant acceptedAt) => OfficeTime.ToLocal(acceptedAt).Date >= Decree118From;

    /// <summary>The rule that the appointment moves only once, in Vietnamese, as cited for the acceptance date.</summary>
    public static string OneReschedulingVi(Instant acceptedAt) => UnderDecree118(acceptedAt)
        ? "quy định thực hiện Nghị định 118/2025 (ví dụ Quyết định 88/2025/QĐ-UBND tỉnh Lai Châu, Điều 3 khoản 6)"
        : "Nghị định 61/2018 điều 19(9)";

    /// <summary>The same in English.</summary>
    public static string OneReschedulingEn(Instant acceptedAt) => UnderDecree118(acceptedAt)
        ? "the rules implementing Decree 118/2025 (e.g. Lai Châu Decision 88/2025/QĐ-UBND art. 3(6))"
        : "Decree 61/2018 art. 19(9)";
}
