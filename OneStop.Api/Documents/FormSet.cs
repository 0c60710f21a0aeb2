using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// A numbering of the one-stop forms: Circular 01/2018/TT-VPCP art. 9 (dossiers accepted before 1 July 2025,
/// under Decree 61/2018) or Circular 03/2025/TT-VPCP Phụ lục I (from 1 July 2025, under Decree 118/2025 as amended
/// by Decree 309/2026, whose art. 12 hands the forms to the Ministry of Justice: expect a re-issue). Provinces
/// still mix the two, so <see cref="FormSets"/> lets configuration override any number, title or signature line.
/// </summary>
/// <remarks>
/// <para><c>Name</c>: The set's configuration key, <see cref="Set2018"/> or <see cref="Set2025"/>.</para>
/// <para><c>Basis</c>: The circular it follows, as printed in notes: "Thông tư 03/2025/TT-VPCP".</para>
/// </remarks>
public sealed record FormSet(string Name, string Basis, IReadOnlyDictionary<FormKind, FormDefinition> Forms)
{
    /// <summary>The key of Circular 01/2018's set in configuration.</summary>
    public const string Set2018 = "Set2018";

    /// <summary>The key of Circular 03/2025's set in configuration.</summary>
    public const string Set2025 = "Set2025";

    /// <summary>The first acceptance day of Decree 118/2025 (in force 1 July 2025) and so of Circular 03/2025's forms.</summary>
    public static readonly LocalDate Decree118InForce = Regulations.RulesInForce.Decree118From;

    private const string ReceivingOfficerSignature = "(Chữ ký số của người tiếp nhận hồ sơ nếu là biểu mẫu điện tử)";

    /// <summary>
    /// Circular 01/2018 art. 9(1): six forms, 01 receipt … 04 "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    /// 05 control sheet, 06 tracking book; the stop notice has no number. No digital-signature lines.
    /// </summary>
    public static FormSet Circular2018 { get; } = new(Set2018, "Thông tư 01/2018/TT-VPCP", new Dictionary<FormKind, FormDefinition>
    {
        [FormKind.Receipt] = new("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        [FormKind.SupplementRequest] = new("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        [FormKind.Refusal] = new("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        [FormKind.Apology] = new("04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
        [FormKind.StopNotice] = new(null, "Thông báo dừng giải quyết hồ sơ"),
        [FormKind.ControlSheet] = new("05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        [FormKind.TrackingBook] = new("06", "Sổ theo dõi hồ sơ"),
    });

    /// <summary>
    /// Circular 03/2025 Phụ lục I: seven forms, 04 retitled "Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết",
    /// 05 the stop notice, 06 the control sheet, 07 the tracking book. Forms 01–03 carry the receiving (guiding)
    /// officer's digital-signature line, 04 (and the stop notice, signed alike) the head's.
    /// </summary>
    public static FormSet Circular2025 { get; } = new(Set2025, "Thông tư 03/2025/TT-VPCP", new Dictionary<FormKind, FormDefinition>
    {
        [FormKind.Receipt] = new("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", ReceivingOfficerSignature),
        [FormKind.SupplementRequest] = new("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "(Chữ ký số của người hướng dẫn nếu là biểu mẫu điện tử)"),
        [FormKind.Refusal] = new("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", ReceivingOfficerSignature),
        [FormKind.Apology] = new("04", "Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết", "(Chữ ký số của Thủ trưởng cơ quan, đơn vị nếu là biểu mẫu điện tử)"),
        [FormKind.StopNotice] = new("05", "Thông báo dừng giải quyết hồ sơ", "(Chữ ký số của Thủ trưởng cơ quan, đơn vị nếu là biểu mẫu điện tử)"),
        [FormKind.ControlSheet] = new("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        [FormKind.TrackingBook] = new("07", "Sổ theo dõi hồ sơ"),
    });

    /// <summary>The form's number, title and signature line in this set.</summary>
    public FormDefinition this[FormKind kind] => Forms[kind];

    /// <summary>The set a dossier accepted on <paramref name="acceptedOn"/> (office local date) prints, before any override.</summary>
    public static FormSet ForAcceptance(LocalDate acceptedOn, LocalDate circular2025From) =>
        acceptedOn < circular2025From ? Circular2018 : Circular2025;
}
