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
        [ValidationCodes.BodyTooLarge] = "Dữ liệu gửi lên quá lớn.",
        [ValidationCodes.UrlTooLong] = "Địa chỉ quá dài (tối đa {0} ký tự).",
        [ValidationCodes.DossierStatus] = "Tình trạng hồ sơ không hợp lệ.",
        [ValidationCodes.DateRange] = "Ngày kết thúc phải từ ngày bắt đầu trở đi.",
        [ValidationCodes.ElectronicId] = "Bắt buộc: mã định danh gồm 4 nhóm, ví dụ 000.00.12.H40 hoặc H40.12.01.",
        [ValidationCodes.ElectronicIdTaken] = "Mã định danh này đã được cơ quan khác sử dụng.",
        [ValidationCodes.OwnAgency] = "Chọn cơ quan của bạn hoặc một cơ quan trực thuộc.",
        [ValidationCodes.TimeOfDay] = "Nhập giờ dạng 15:00.",
        [ValidationCodes.CountingMode] = "Chọn một cách tính thời hạn.",
        [ValidationCodes.AgencyPhone] = "Điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -, ví dụ 024 3825 1234.",
        [ValidationCodes.Session] = "Buổi làm việc dạng 07:30-11:30 (giờ bắt đầu trước giờ kết thúc).",
        [ValidationCodes.Sessions] = "Cần ít nhất một buổi làm việc; các buổi theo thứ tự thời gian và không chồng lên nhau.",
        [ValidationCodes.CutOffOutsideDay] = "Phải trong ngày làm việc: sau {0} và không muộn hơn {1}.",
        [ValidationCodes.ProcedureCode] = "Bắt buộc: mã thủ tục quốc gia, ví dụ 1.000948.H38.",
        [ValidationCodes.ProcedureCodeTaken] = "Đã có thủ tục mang mã này.",
        [ValidationCodes.SharedProcedureNeedsRoot] = "Chọn cơ quan giải quyết: chỉ quản trị của cơ quan cấp cao nhất được thêm thủ tục chung cho mọi cơ quan.",
        [ValidationCodes.PrecedesVersion] = "Không được trước ngày có hiệu lực của phiên bản {0} ({1}).",
        [ValidationCodes.ProcedureCutOff] = "Giờ chốt dạng 16:00, hoặc closing-1h, closing-30m (trước khi kết thúc buổi làm việc cuối, tối đa 8 giờ); để trống: theo giờ chốt của cơ quan.",
        [ValidationCodes.CitizenSupplementTime] = "Ít nhất 1 ngày làm việc.",
        [ValidationCodes.Fee] = "Số đồng nguyên, không âm.",
        [ValidationCodes.EffectiveFrom] = "Bắt buộc: ngày có hiệu lực trong khoảng năm 1900–2199.",
        [ValidationCodes.DurationUnit] = "Chọn đơn vị thời hạn.",
        [ValidationCodes.SameDayAmount] = "Thời hạn “trong ngày” chỉ nhận 0 hoặc 1.",
        [ValidationCodes.SupplementWindowUnit] = "Chọn ngày làm việc hoặc giờ làm việc.",
        [ValidationCodes.StepUnitRepeated] = "Mỗi đơn vị chỉ có một dòng thời gian.",
        [ValidationCodes.NoticeKey] = "Bắt buộc: chữ thường không dấu, chữ số và dấu '-', tối đa 100 ký tự (ví dụ 2026-ngay-van-hoa).",
        [ValidationCodes.Year] = "Năm từ 1900 đến 2199.",
        [ValidationCodes.NoticeWithoutDays] = "Thông báo không thuộc dịp nghỉ lễ nào phải có ít nhất một ngày nghỉ hoặc ngày làm bù.",
        [ValidationCodes.CalendarDate] = "Ngày dạng 24/11/2026, trong khoảng năm 1900–2199.",
        [ValidationCodes.MakeUpNotWeekend] = "{0} không phải thứ Bảy hoặc Chủ nhật: ngày làm bù phải là ngày nghỉ cuối tuần.",
        [ValidationCodes.DayOffOnWeekend] = "{0} là ngày cuối tuần: ngày nghỉ phải từ thứ Hai đến thứ Sáu.",
        [ValidationCodes.DateNotInYear] = "{0} không thuộc năm {1} (hoặc tháng 12 năm trước, tháng 1 năm sau).",
        [ValidationCodes.ExportYears] = "Năm từ 1900 đến 2199, không trước năm bắt đầu, tối đa {0} năm.",
        [ValidationCodes.ICalendarUnreadable] = "Không đọc được tệp iCalendar.",
        [ValidationCodes.ICalendarNotCalendar] = "Tệp không phải iCalendar (thiếu BEGIN:VCALENDAR).",
        [ValidationCodes.ICalendarRecurring] = "Không đọc sự kiện lặp lại: mỗi ngày là một sự kiện riêng.",
        [ValidationCodes.ICalendarNoDocument] = "Thiếu số văn bản: nhập số văn bản trong ô bên dưới hoặc ghi X-ONESTOP-DOCUMENT trong tệp.",
        [ValidationCodes.ICalendarDisagrees] = "Mâu thuẫn với sự kiện trước đó của thông báo {0} về năm, dịp nghỉ hoặc số văn bản.",
        [ValidationCodes.ICalendarNoEvent] = "Tệp không có sự kiện nào cần nhập (các ngày tính theo quy tắc được bỏ qua).",
        [ValidationCodes.ICalendarStart] = "Thiếu ngày bắt đầu (DTSTART;VALUE=DATE), năm 1900–2199.",
        [ValidationCodes.ICalendarEnd] = "Ngày kết thúc phải sau ngày bắt đầu, tối đa 31 ngày.",
        [ValidationCodes.RolesRequired] = "Chọn ít nhất một vai trò.",
        [ValidationCodes.OwnAdminRole] = "Bạn không thể tự bỏ quyền Quản trị của mình: việc này do một quản trị viên khác thực hiện.",
        [ValidationCodes.PasswordTooShort] = "Mật khẩu quá ngắn: ít nhất 10 ký tự.",
        [ValidationCodes.PasswordDigit] = "Mật khẩu phải có ít nhất một chữ số.",
        [ValidationCodes.PasswordLower] = "Mật khẩu phải có ít nhất một chữ thường.",
        [ValidationCodes.PasswordUpper] = "Mật khẩu phải có ít nhất một chữ hoa.",
        [ValidationCodes.PasswordVariety] = "Mật khẩu cần nhiều ký tự khác nhau hơn.",
        [ValidationCodes.UserNameTaken] = "Tên đăng nhập này đã có người dùng.",
        [ValidationCodes.UserNameInvalid] = "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +.",
        [ValidationCodes.UnitNotInCatalogue] = "Không có đơn vị này trong danh mục đơn vị của cơ quan: chọn một đơn vị trong danh mục.",
        [ValidationCodes.UnitDeactivated] = "Đơn vị này đã ngừng sử dụng trong danh mục của cơ quan.",
    };

    private static readonly Dictionary<string, string> RuleTexts = new(StringComparer.Ordinal)
    {
        [DossierRules.Closed] = "Hồ sơ đã kết thúc: không ghi nhận thêm được.",
        [DossierRules.SupplementNotAtDepartment] = "Chỉ yêu cầu bổ sung khi hồ sơ đang ở bộ phận chuyên môn (hồ sơ tiếp nhận trước 01/7/2025: Nghị định 61/2018, Điều 19 khoản 4; từ 01/7/2025: Nghị định 118/2025 và quy định chuyên ngành của thủ tục).",
        [DossierRules.SupplementNotRequested] = "Hồ sơ chưa có yêu cầu bổ sung nào: không thể ghi nhận hồ sơ bổ sung.",
        [DossierRules.AppointmentAlreadyMoved] = "Ngày hẹn trả đã được điều chỉnh một lần; không được điều chỉnh lần nữa (hồ sơ tiếp nhận trước 01/7/2025: Nghị định 61/2018, Điều 19 khoản 9; từ 01/7/2025: quy định thực hiện Nghị định 118/2025, \"không quá một lần\").",
        [DossierRules.ApologyNotPending] = "Phiếu xin lỗi này đã được thủ trưởng quyết định (phê duyệt hoặc không phê duyệt).",
        [DossierRules.ApologyNeedsHead] = "Chỉ thủ trưởng cơ quan được phê duyệt hoặc không phê duyệt phiếu xin lỗi.",
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
        [Units.UnitRules.NameTaken] = "Cơ quan đã có đơn vị mang tên này (kể cả tên cũ của một đơn vị đã đổi tên, không phân biệt chữ hoa, chữ thường, dấu cách).",
        [Units.UnitRules.DeskFixed] = "Bộ phận Một cửa có trong danh mục của mọi cơ quan, không đổi tên và không ngừng sử dụng được.",
        [UserAdminEndpoints.LockSelf] = "Bạn không thể tự khóa tài khoản của mình: việc này do một quản trị viên khác thực hiện.",
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
