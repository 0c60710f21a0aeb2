using System.Globalization;
using OneStop.Api.Administration;
using OneStop.Api.Problems;
using OneStop.Dossiers;
using OneStop.Ratings;

namespace OneStop.Api.Pages;

/// <summary>
/// What the pages say for a refused input or a broken rule, looked up by the stable code the API gives
/// (<see cref="ValidationCodes"/> in a 400 problem's <c>codes</c>, <see cref="DossierRules"/> in a 409 problem's
/// <c>code</c>), never by the English text. Arguments fill <c>{0}</c>, <c>{1}</c> in order.
/// </summary>
public static class Messages
{
    /// <summary>Said for a code this catalogue does not know (it cannot happen for <see cref="ValidationCodes.All"/>; a test checks).</summary>
    public const string UnknownField = "Giá trị không hợp lệ.";

    /// <summary>Said for a 409 whose code this catalogue does not know.</summary>
    public const string UnknownRule = "Quy định không cho phép thao tác này với hồ sơ ở trạng thái hiện tại.";

    private static readonly Dictionary<string, string> FieldTexts = new(StringComparer.Ordinal)
    {
        [ValidationCodes.Invalid] = UnknownField,
        [ValidationCodes.Required] = "Bắt buộc.",
        [ValidationCodes.RequiredText] = "Bắt buộc, tối đa {0} ký tự.",
        [ValidationCodes.TooLong] = "Tối đa {0} ký tự.",
        [ValidationCodes.ForbiddenCharacter] = "Có ký tự không được phép (ký tự điều khiển hoặc ký tự ẩn).",
        [ValidationCodes.TooManyItems] = "Tối đa {0} mục.",
        [ValidationCodes.OutOfRange] = "Từ {0} đến {1}.",
        [ValidationCodes.NotAnInstant] = "Ngày giờ không hợp lệ.",
        [ValidationCodes.NotADate] = "Ngày không hợp lệ.",
        [ValidationCodes.DateOutOfRange] = "Phải trong khoảng năm 1900–2199.",
        [ValidationCodes.LaterThanNow] = "Không được sau thời điểm hiện tại.",
        [ValidationCodes.BeforeAcceptance] = "Không được trước thời điểm tiếp nhận hồ sơ.",
        [ValidationCodes.IdNumber] = "Số định danh cá nhân gồm 12 chữ số.",
        [ValidationCodes.Phone] = "Số điện thoại Việt Nam: 0 hoặc +84 rồi 9 hoặc 10 chữ số (ví dụ 0912345678).",
        [ValidationCodes.Email] = "Địa chỉ email không hợp lệ.",
        [ValidationCodes.UnknownAgency] = "Cơ quan không tồn tại hoặc không thuộc phạm vi của bạn.",
        [ValidationCodes.UnknownProcedure] = "Thủ tục không tồn tại hoặc cơ quan này không giải quyết.",
        [ValidationCodes.NoVersionInForce] = "Thủ tục chưa có phiên bản đang có hiệu lực.",
        [ValidationCodes.Channel] = "Chọn kênh tiếp nhận: tại quầy, trực tuyến hoặc qua bưu chính.",
        [ValidationCodes.DocumentCopies] = "Ít nhất một bản chính hoặc một bản sao; không nhập số âm; tối đa {0} bản mỗi loại.",
        [ValidationCodes.NoDocumentTicked] = "Đánh dấu ít nhất một giấy tờ đã nhận.",
        [ValidationCodes.ReceivingAgencyRequired] = "Nhập mã định danh của cơ quan đã nhận hồ sơ.",
        [ValidationCodes.ReceivingAgencyIsCompetent] = "Đây là bộ phận một cửa của chính cơ quan giải quyết: bỏ trống mục nhận hộ.",
        [ValidationCodes.ReceivedAtRequired] = "Nhập thời điểm bộ phận nhận hộ đã nhận hồ sơ.",
        [ValidationCodes.ReceivedAfterAcceptance] = "Không được sau thời điểm cơ quan giải quyết tiếp nhận hồ sơ.",
        [ValidationCodes.StepBudget] = "Từ 0 đến 2400 giờ làm việc.",
        [ValidationCodes.AppointmentRequired] = "Nhập ngày hẹn trả mới.",
        [ValidationCodes.AppointmentNotInFuture] = "Ngày hẹn mới phải sau thời điểm hiện tại.",
        [ValidationCodes.NoSuchApology] = "Hồ sơ không có phiếu xin lỗi này.",
        [ValidationCodes.PageNumber] = "Số trang bắt đầu từ 1.",
        [ValidationCodes.IdempotencyKey] = "Mã chống gửi trùng không hợp lệ. Tải lại trang rồi thử lại.",
        [ValidationCodes.UserName] = "Tối đa 256 ký tự, không có ký tự điều khiển.",
        [ValidationCodes.Unreadable] = "Không đọc được dữ liệu gửi lên.",
    };

    private static readonly Dictionary<string, string> RuleTexts = new(StringComparer.Ordinal)
    {
        [DossierRules.Closed] = "Hồ sơ đã kết thúc: không ghi nhận thêm được.",
        [DossierRules.SupplementNotAtDepartment] = "Chỉ yêu cầu bổ sung khi hồ sơ đang ở bộ phận chuyên môn (hồ sơ tiếp nhận trước 01/7/2025: Nghị định 61/2018, Điều 19 khoản 4; từ 01/7/2025: Nghị định 118/2025 và quy định chuyên ngành của thủ tục).",
        [DossierRules.SupplementNotRequested] = "Hồ sơ chưa có yêu cầu bổ sung nào: không thể ghi nhận hồ sơ bổ sung.",
        [DossierRules.AppointmentAlreadyMoved] = "Ngày hẹn trả đã được điều chỉnh một lần; không được điều chỉnh lần nữa (hồ sơ tiếp nhận trước 01/7/2025: Nghị định 61/2018, Điều 19 khoản 9; từ 01/7/2025: quy định thực hiện Nghị định 118/2025, \"không quá một lần\").",
        [DossierRules.ApologyNotPending] = "Phiếu xin lỗi này đã được phê duyệt.",
        [DossierRules.ApologyNeedsHead] = "Chỉ thủ trưởng cơ quan được phê duyệt phiếu xin lỗi.",
        [DossierRules.StopAfterResult] = "Hồ sơ đã có kết quả: không thể dừng giải quyết.",
        [DossierRules.RefusalAfterResult] = "Hồ sơ đã có kết quả: không thể từ chối giải quyết.",
        [DossierRules.ReturnBeforeResult] = "Chỉ trả kết quả khi hồ sơ đã có kết quả.",
        [DossierRules.ResultNotInProcess] = "Chỉ ghi nhận kết quả khi hồ sơ đang được giải quyết.",
        [DossierRules.HandoverNotInProcess] = "Chỉ bàn giao khi hồ sơ đang được giải quyết.",
        [DossierRules.ConcurrentChange] = "Người khác vừa cập nhật hồ sơ này. Tải lại trang rồi thử lại.",
        [RatingRules.NeedsReceipt] = "Chỉ người giữ giấy tiếp nhận mới đánh giá được: mời quét mã QR trên giấy tiếp nhận.",
        [RatingRules.BeforeReturn] = "Chỉ đánh giá sau khi đã nhận kết quả.",
        [RatingRules.AlreadyGiven] = "Hồ sơ này đã được đánh giá.",
        [NoticeAdminEndpoints.NotUndelivered] = "Thông báo này đã được gửi hoặc đã nằm trong hàng gửi.",
        ["idempotency-key-reused"] = "Phiếu này đã được gửi trước đó với nội dung khác. Kiểm tra lại rồi gửi một lần nữa.",
    };

    /// <summary>The codes that have a Vietnamese text (for the test that none is missing).</summary>
    public static IReadOnlyCollection<string> FieldCodes => FieldTexts.Keys;

    /// <summary>The 409 rule codes that have a Vietnamese text.</summary>
    public static IReadOnlyCollection<string> RuleCodes => RuleTexts.Keys;

    /// <summary>A field error in Vietnamese.</summary>
    public static string Field(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = FieldTexts.GetValueOrDefault(error.Code, UnknownField);
        return error.Args is { Count: > 0 } args ? string.Format(CultureInfo.InvariantCulture, text, [.. args]) : text;
    }

    /// <summary>A field error in Vietnamese, by code alone.</summary>
    public static string Field(string code, params object[] args) => Field(new FieldError(code, args.Length == 0 ? null : args));

    /// <summary>The message of a broken rule (409), by its stable code.</summary>
    public static string Rule(string? code) => code is not null && RuleTexts.TryGetValue(code, out var text) ? text : UnknownRule;

    /// <summary>Whether <paramref name="code"/> is a rule code with a text.</summary>
    public static bool IsRule(string? code) => code is not null && RuleTexts.ContainsKey(code);
}
