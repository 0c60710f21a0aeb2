using NodaTime;
using OneStop.Api.Desk;
using OneStop.Dossiers;

namespace OneStop.Tests.Api.Desk;

public sealed class LedgerEventTextTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 3, 3, 2, 0);

    private static DossierEvent Event(DossierEventKind kind, params (string Key, string? Value)[] details) =>
        new(Guid.NewGuid(), 1, kind, "motcua", At, At, EventDetails.Of(details), "00");

    [Fact]
    public void Details_Registered_TrackingNumberStaysANumber()
    {
        var lines = LedgerEventText.Details(
            Event(DossierEventKind.Registered, ("code", "X-1"), ("trackingNumber", "3"), ("processingTime", "5 ngày làm việc"), ("statutoryDueAt", "2025-03-10T09:00:00+07:00"), ("calendarStatus", "Official"), ("calendarRevision", "abc123"), ("officeHours", "07:30-11:30")),
            n => n);

        Assert.Contains(("Số sổ theo dõi", "3"), lines);
        Assert.Contains(("Hạn theo quy định", "09:00 ngày 10/03/2025"), lines);
        Assert.Contains(("Lịch", "chính thức"), lines);
        Assert.DoesNotContain(lines, l => l.Value.Contains("Chờ bổ sung", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Value is "abc123" or "07:30-11:30" or "Official");
    }

    [Theory]
    [InlineData("Email, Gateway", "Đồng ý nhận thông báo qua email và tin nhắn (SMS/Zalo)")]
    [InlineData("Gateway", "Đồng ý nhận thông báo qua tin nhắn (SMS/Zalo)")]
    [InlineData("Email", "Đồng ý nhận thông báo qua email")]
    public void Details_RegisteredWithConsent_SaysWhichChannelsTheCitizenAgreedTo(string recorded, string expected)
    {
        var lines = LedgerEventText.Details(Event(DossierEventKind.Registered, ("code", "X-1"), ("noticeChannels", recorded)), n => n);

        Assert.Contains(("Thông báo cho công dân", expected), lines);
    }

    [Fact]
    public void Details_RegisteredWithoutConsent_SaysNothingOfNotices()
    {
        var lines = LedgerEventText.Details(Event(DossierEventKind.Registered, ("code", "X-1"), ("noticeChannels", null)), n => n);

        Assert.DoesNotContain(lines, l => l.Label == "Thông báo cho công dân");
    }

    [Fact]
    public void Details_HandOver_NamesStaffByFullNameAndHidesIds()
    {
        var lines = LedgerEventText.Details(
            Event(DossierEventKind.HandedOver, ("from", "Bộ phận Một cửa"), ("to", "Phòng Tư pháp"), ("giver", "motcua"), ("receiver", "chuyenvien"), ("finishedStep", "Late")),
            n => n == "motcua" ? "Đỗ Thu Hà" : n == "chuyenvien" ? "Lê Văn Chuyên" : n);

        Assert.Equal(
            [("Từ", "Bộ phận Một cửa"), ("Đến", "Phòng Tư pháp"), ("Người giao", "Đỗ Thu Hà"), ("Người nhận", "Lê Văn Chuyên"), ("Bước vừa xong", "quá hạn")],
            lines);
    }

    [Fact]
    public void Details_ApologyRejected_ShowsTheReasonNotTheId()
    {
        var lines = LedgerEventText.Details(Event(DossierEventKind.ApologyRejected, ("apologyId", Guid.NewGuid().ToString()), ("reason", "Chưa đủ căn cứ")), n => n);

        Assert.Equal([("Lý do không phê duyệt", "Chưa đủ căn cứ")], lines);
    }

    [Fact]
    public void Details_SlaStateChanged_InVietnamese()
    {
        var lines = LedgerEventText.Details(Event(DossierEventKind.SlaStateChanged, ("from", "DueSoon"), ("to", "Overdue")), n => n);

        Assert.Equal([("Từ", "sắp đến hạn"), ("Sang", "quá hạn")], lines);
    }

    [Fact]
    public void Title_EveryKind_IsVietnamese()
    {
        Assert.All(Enum.GetValues<DossierEventKind>(), kind => Assert.NotEqual("Sự kiện khác", LedgerEventText.Title(kind)));
    }
}
