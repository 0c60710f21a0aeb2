namespace OneStop.Api.Documents;

/// <summary>
/// The one-stop forms, by what they are rather than by number: the number changed between Circular 01/2018 and
/// Circular 03/2025 (Phụ lục I) and differs between provinces, so it is data (<see cref="FormSet"/>).
/// </summary>
public enum FormKind
{
    /// <summary>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (01 in both sets).</summary>
    Receipt,

    /// <summary>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (02 in both sets).</summary>
    SupplementRequest,

    /// <summary>Phiếu từ chối tiếp nhận giải quyết hồ sơ (03 in both sets).</summary>
    Refusal,

    /// <summary>The apology: 04 in both sets, retitled in 2025 ("… và đề nghị gia hạn thời gian giải quyết").</summary>
    Apology,

    /// <summary>Thông báo dừng giải quyết hồ sơ: 05 in 2025; no number in the 2018 set.</summary>
    StopNotice,

    /// <summary>Phiếu kiểm soát quá trình giải quyết hồ sơ: 05 in 2018, 06 in 2025.</summary>
    ControlSheet,

    /// <summary>Sổ theo dõi hồ sơ: 06 in 2018, 07 in 2025.</summary>
    TrackingBook,
}
