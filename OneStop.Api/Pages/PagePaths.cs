namespace OneStop.Api.Pages;

/// <summary>The addresses of the pages every frame links to (the frames are <see cref="Layout.StaffLayout"/> and <see cref="Layout.PublicLayout"/>).</summary>
public static class PagePaths
{
    public const string DeskPath = "/quay";
    public const string RegisterPath = "/quay/tiep-nhan";
    public const string DashboardPath = "/giam-sat";
    public const string AdministrationPath = "/quan-tri";
    public const string LookupPath = "/tra-cuu";
    public const string SignInPath = "/dang-nhap";
    public const string SignOutPath = "/dang-xuat";
}
