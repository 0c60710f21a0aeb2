using OneStop.Jobs.Lateness;

namespace OneStop.Api.Lateness;

public enum DashboardListKind
{
    Late,
    PaperDiffers,
    Category,
}

/// <summary>A list of the dashboard by its Vietnamese slug (<c>/giam-sat/danh-sach?list=tre-han</c>), with its title.</summary>
public sealed record DashboardList(string Slug, string Title, DashboardListKind Kind, CountCategory? Category = null)
{
    public static readonly DashboardList Late = new("tre-han", "Hồ sơ trễ hạn thực tế", DashboardListKind.Late);

    public static readonly DashboardList PaperDiffers = new("che-giau", "Hồ sơ giấy tờ và thực tế khác nhau", DashboardListKind.PaperDiffers);

    public static readonly IReadOnlyList<DashboardList> All =
    [
        Late, PaperDiffers,
        Of("tiep-nhan", "Hồ sơ tiếp nhận trong kỳ", CountCategory.Received),
        Of("chuyen-sang", "Hồ sơ kỳ trước chuyển sang", CountCategory.CarriedOver),
        Of("dang-trong-han", "Hồ sơ đang giải quyết trong hạn", CountCategory.InProgressOnTime),
        Of("sap-den-han", "Hồ sơ đang giải quyết sắp đến hạn", CountCategory.InProgressDueSoon),
        Of("dang-qua-han", "Hồ sơ đang giải quyết quá hạn", CountCategory.InProgressOverdue),
        Of("truoc-han", "Hồ sơ đã giải quyết trước hạn", CountCategory.FinishedEarly),
        Of("dung-han", "Hồ sơ đã giải quyết đúng hạn", CountCategory.FinishedOnTime),
        Of("qua-han", "Hồ sơ đã giải quyết quá hạn", CountCategory.FinishedLate),
        Of("dung-han-giay-to", "Hồ sơ đúng hạn theo giấy tờ", CountCategory.PaperOnTime),
        Of("chua-nhan", "Hồ sơ có kết quả, công dân chưa nhận", CountCategory.NotCollected),
        Of("tu-choi", "Hồ sơ từ chối giải quyết", CountCategory.Refused),
        Of("dung", "Hồ sơ dừng giải quyết", CountCategory.Stopped),
        Of("da-giai-quyet", "Hồ sơ đã giải quyết trong kỳ", CountCategory.Finished),
        Of("dang-giai-quyet", "Hồ sơ đang giải quyết", CountCategory.InProgress),
    ];

    public static DashboardList? Parse(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? Late : All.FirstOrDefault(l => string.Equals(l.Slug, slug, StringComparison.Ordinal));

    public static DashboardList For(CountCategory category) => All.Single(l => l.Category == category);

    private static DashboardList Of(string slug, string title, CountCategory category) => new(slug, title, DashboardListKind.Category, category);
}
