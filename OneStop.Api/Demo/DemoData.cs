using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Agencies;
using OneStop.Deadlines;
using OneStop.Persistence;
using OneStop.Procedures;
using OneStop.Users;

namespace OneStop.Api.Demo;

/// <summary>
/// The embedded demo (configuration <c>Demo:Enabled</c>, on by default with SQLite): a demo province with two
/// communes, a dozen realistic procedures marked as demo, one user per role (listed in the README), and past
/// dossiers for the dashboard (<see cref="DemoDossiers"/>).
/// Runs once: nothing happens when the demo province exists.
/// </summary>
public static class DemoData
{
    /// <summary>
    /// The demo users' mail domain (<c>chuyenvien@demo.onestop.invalid</c>): a reserved name that never resolves
    /// (RFC 2606), so the demo's notices reach an SMTP sink (<c>Notifications:Channel=Smtp</c>) and nobody else.
    /// </summary>
    public const string MailDomain = "demo.onestop.invalid";

    /// <summary>The demo users' password; demo only, never for a real office.</summary>
    public const string Password = "MotCua@2025";

    public static readonly Guid ProvinceId = new("0b6f1d9e-0000-4000-8000-000000000001");
    public static readonly Guid DongDaId = new("0b6f1d9e-0000-4000-8000-000000000002");
    public static readonly Guid HoaBinhId = new("0b6f1d9e-0000-4000-8000-000000000003");

    private static readonly (string Code, string Name, string Field, int Amount, DurationUnit Unit, decimal Fee, string[] Documents)[] Procedures =
    [
        ("2.000815.H99", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 1, DurationUnit.SameDay, 2000, ["Bản chính giấy tờ, văn bản", "Bản sao cần chứng thực"]),
        ("2.000884.H99", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 1, DurationUnit.SameDay, 10000, ["Giấy tờ cần chứng thực chữ ký", "Căn cước công dân"]),
        ("1.001193.H99", "Đăng ký khai sinh", "Hộ tịch", 1, DurationUnit.SameDay, 0, ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]),
        ("1.000894.H99", "Đăng ký kết hôn", "Hộ tịch", 5, DurationUnit.WorkingDays, 0, ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"]),
        ("1.000656.H99", "Đăng ký khai tử", "Hộ tịch", 1, DurationUnit.SameDay, 0, ["Tờ khai đăng ký khai tử", "Giấy báo tử"]),
        ("1.004227.H99", "Xác nhận tình trạng hôn nhân", "Hộ tịch", 3, DurationUnit.WorkingDays, 0, ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"]),
        ("2.000575.H99", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, DurationUnit.WorkingDays, 100000, ["Giấy đề nghị đăng ký hộ kinh doanh", "Bản sao giấy tờ pháp lý của cá nhân"]),
        ("1.009994.H99", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", 15, DurationUnit.CalendarDays, 75000, ["Đơn đề nghị cấp giấy phép xây dựng", "Giấy tờ về quyền sử dụng đất", "Bản vẽ thiết kế xây dựng"]),
        ("2.001417.H99", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 10, DurationUnit.CalendarDays, 200000, ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp Căn cước công dân"]),
        ("1.004194.H99", "Đăng ký thường trú", "Đăng ký, quản lý cư trú", 7, DurationUnit.WorkingDays, 20000, ["Tờ khai thay đổi thông tin cư trú", "Giấy tờ chứng minh chỗ ở hợp pháp"]),
        ("1.004200.H99", "Đăng ký tạm trú", "Đăng ký, quản lý cư trú", 3, DurationUnit.WorkingDays, 15000, ["Tờ khai thay đổi thông tin cư trú", "Giấy tờ chứng minh chỗ ở hợp pháp"]),
        ("1.001022.H99", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, DurationUnit.WorkingHours, 8000, ["Tờ khai cấp bản sao trích lục hộ tịch"]),
        ("1.003583.H99", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", 20, DurationUnit.WorkingDays, 100000, ["Đơn đăng ký đất đai", "Giấy tờ về quyền sử dụng đất", "Sơ đồ thửa đất"]),
    ];

    // Demo procedures that limit the citizen's time to bring a requested supplement (15 working days, as the 2025
    // decree on interconnected online procedures art. 6(4)(a) sets it); the others wait without end.
    private static readonly Dictionary<string, ProcessingTime> CitizenSupplementTimes = new(StringComparer.Ordinal)
    {
        ["1.000894.H99"] = new ProcessingTime(15, DurationUnit.WorkingDays),
    };

    // Each demo agency's catalogue of units (the desk's is added to every agency): the commune's civil servants by
    // field, as the 2025 two-tier communes name them, and "Công chức chuyên môn", the unit the demo procedures'
    // step budgets name.
    private static readonly (Guid Agency, string Name)[] Units =
    [
        (ProvinceId, "Văn phòng Ủy ban nhân dân tỉnh"),
        (ProvinceId, "Sở Tư pháp"),
        (DongDaId, "Công chức tư pháp - hộ tịch"),
        (DongDaId, "Công chức chuyên môn"),
        (DongDaId, "Công chức địa chính - xây dựng"),
        (DongDaId, "Công chức văn hóa - xã hội"),
        (DongDaId, "Công chức tài chính - kế hoạch"),
        (DongDaId, "Công an phường"),
        (HoaBinhId, "Công chức tư pháp - hộ tịch"),
        (HoaBinhId, "Công chức chuyên môn"),
        (HoaBinhId, "Công chức địa chính - nông nghiệp - xây dựng và môi trường"),
        (HoaBinhId, "Công chức văn hóa - xã hội"),
    ];

    // The officer works in the unit the demo dossiers are handed over to, so its notices are routed to it.
    private static readonly (string UserName, string FullName, Guid Agency, string Role, string? Unit)[] Users =
    [
        ("admin", "Quản trị hệ thống", ProvinceId, Roles.Admin, null),
        ("giamsat", "Trần Văn Giám Sát", ProvinceId, Roles.Supervisor, null),
        ("motcua", "Đỗ Thu Hà", DongDaId, Roles.Clerk, null),
        ("chuyenvien", "Lê Văn Chuyên", DongDaId, Roles.Officer, "Công chức tư pháp - hộ tịch"),
        ("lanhdao", "Phạm Minh Lãnh", DongDaId, Roles.Head, null),
        ("motcua2", "Hoàng Thị Lan", HoaBinhId, Roles.Clerk, null),
    ];

    public static async Task SeedAsync(IServiceProvider services, Instant now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDbContext>();
        if (await db.Agencies.AnyAsync(a => a.Id == ProvinceId, cancellationToken))
        {
            return;
        }

        var province = new Agency(ProvinceId, "Ủy ban nhân dân tỉnh Demo", "000.00.00.H99", null).AsDemo();
        var dongDa = new Agency(DongDaId, "Ủy ban nhân dân phường Đống Đa", "000.00.12.H99", province).AsDemo();
        var hoaBinh = new Agency(HoaBinhId, "Ủy ban nhân dân xã Hòa Bình", "000.00.13.H99", province).AsDemo();
        dongDa.SetContact("Số 1 phố Demo, phường Đống Đa", "024 3825 0000");
        hoaBinh.SetContact("Trụ sở UBND xã Hòa Bình", "0210 385 0000");
        db.Agencies.AddRange(province, dongDa, hoaBinh);
        foreach (var agency in new[] { province, dongDa, hoaBinh })
        {
            db.AgencyUnits.Add(AgencyUnit.Desk(agency.Id, now));
        }

        db.AgencyUnits.AddRange(Units.Select(u => new AgencyUnit(DeterministicId("unit:" + u.Agency + "/" + u.Name), u.Agency, u.Name, now)));
        var effectiveFrom = Instant.FromUtc(2016, 1, 1, 0, 0);
        foreach (var (code, name, field, amount, unit, fee, documents) in Procedures)
        {
            var procedure = new Procedure(DeterministicId(code), code, name, field).AsDemo();
            procedure.AddVersion(new ProcedureVersion(
                DeterministicId(code + "/1"), procedure.Id, 1, effectiveFrom, new ProcessingTime(amount, unit),
                documents.Select(d => new RequiredDocument(d, 1, 0)).ToList(),
                [new StepBudget("Bộ phận Một cửa", 2), new StepBudget("Công chức chuyên môn", Math.Max(4, StepHours(amount, unit) - 4))],
                fee, citizenSupplementTime: CitizenSupplementTimes.TryGetValue(code, out var citizenTime) ? citizenTime : null));
            db.Procedures.Add(procedure);
        }

        await db.SaveChangesAsync(cancellationToken);

        var userManager = services.GetRequiredService<UserManager<StaffUser>>();
        foreach (var (userName, fullName, agency, role, unit) in Users)
        {
            var user = new StaffUser { UserName = userName, FullName = fullName, AgencyId = agency, Unit = unit, Email = userName + "@" + MailDomain, IsDemo = true };
            Check(await userManager.CreateAsync(user, Password));
            Check(await userManager.AddToRoleAsync(user, role));
        }

        // Demo:Dossiers=false keeps the demo agencies, procedures and users without the past dossiers (tests that
        // count what the jobs touch).
        if (services.GetRequiredService<IConfiguration>().GetValue("Demo:Dossiers", true))
        {
            await DemoDossiers.SeedAsync(db, services.GetRequiredService<AgencyDeadlines>(), services.GetRequiredService<Dossiers.DossierNumbering>(), now, cancellationToken);
        }
    }

    private static int StepHours(int amount, DurationUnit unit) => unit switch
    {
        DurationUnit.WorkingDays or DurationUnit.CalendarDays => amount * 8,
        DurationUnit.WorkingHours => amount,
        _ => 8,
    };

    private static Guid DeterministicId(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("onestop-demo:" + text));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding demo users failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
