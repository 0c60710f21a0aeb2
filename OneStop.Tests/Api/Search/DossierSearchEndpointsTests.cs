using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Api.Search;
using OneStop.Persistence;
using static OneStop.Tests.Api.Dossiers.DossierApi;

namespace OneStop.Tests.Api.Search;

/// <summary>Finding a dossier: by part of the code, a name with or without tone marks, an id number or phone through the blind index.</summary>
public sealed class DossierSearchEndpointsTests(OneStopApiFactory factory) : IClassFixture<OneStopApiFactory>
{
    private static object Registration(string fullName, string? idNumber = null, string? phone = null) => new
    {
        procedureCode = "1.000894.H99",
        applicant = new { fullName, idNumber, phone, address = "Phường Đống Đa, Hà Nội" },
        documents = new[] { new { name = "Tờ khai đăng ký kết hôn", originals = 1, copies = 0 } },
        channel = "Counter",
    };

    private static async Task<JsonDocument> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/dossiers/search?" + query, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    private static List<string> Codes(JsonDocument page) =>
        page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();

    [Theory]
    [InlineData("nguyen van ngu")] // no tone marks, lower case
    [InlineData("NGUYỄN VĂN NGŨ")]
    [InlineData("văn ngũ")] // part of the name
    public async Task Search_NameAsTyped_FindsTheApplicant(string typed)
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration("Nguyễn Văn Ngũ"));

        using var nfc = await SearchAsync(clerk, "q=" + Uri.EscapeDataString(typed.Normalize(NormalizationForm.FormC)));
        using var nfd = await SearchAsync(clerk, "q=" + Uri.EscapeDataString(typed.Normalize(NormalizationForm.FormD)));

        Assert.Contains(code, Codes(nfc));
        Assert.Equal(Codes(nfc), Codes(nfd));
        Assert.Equal("Nguyễn Văn Ngũ", nfc.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("applicantName").GetString());
    }

    [Fact]
    public async Task Search_DStrokeTypedAsD_FindsTheApplicant()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration("Đặng Đình Đức"));

        using var page = await SearchAsync(clerk, "q=dang+dinh+duc");

        Assert.Equal([code], Codes(page));
    }

    [Theory]
    [InlineData("001 088 012 399")]
    [InlineData("001088012399")]
    [InlineData("+84 987 650 001")] // the phone as written with the country code
    [InlineData("0987650001")]
    public async Task Search_IdNumberOrPhone_FindsThroughTheBlindIndex(string typed)
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration("Lê Thị Số", idNumber: "001088012399", phone: "0987650001"));

        using var page = await SearchAsync(clerk, "q=" + Uri.EscapeDataString(typed));

        Assert.Contains(code, Codes(page));
    }

    [Fact]
    public async Task Search_PartOfTheCode_FindsTheDossier()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration("Phan Mã Số"));

        using var page = await SearchAsync(clerk, "q=" + Uri.EscapeDataString(code[^11..].ToLowerInvariant()));

        Assert.Contains(code, Codes(page));
    }

    [Fact]
    public async Task Search_ManyMatches_CountsAllAndPages()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await RegisterAsync(clerk, Registration("Trần Phân Trang")));
        }

        using var first = await SearchAsync(clerk, "q=tran+phan+trang&pageSize=2");
        using var last = await SearchAsync(clerk, "q=tran+phan+trang&pageSize=2&page=3");

        Assert.Equal(5, first.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(3, first.RootElement.GetProperty("pages").GetInt32());
        Assert.Equal(2, Codes(first).Count);
        Assert.Single(Codes(last));
        using var all = await SearchAsync(clerk, "q=tran+phan+trang&pageSize=100");
        Assert.Equal(codes.Order(StringComparer.Ordinal), Codes(all).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_ReturnedDossier_IsFoundAndFilteredByStatus()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var officer = await factory.ClientForAsync("chuyenvien");
        var open = await RegisterAsync(clerk, Registration("Vũ Đã Trả"));
        var returned = await RegisterAsync(clerk, Registration("Vũ Đã Trả"));
        (await PostAsync(officer, returned, "result")).EnsureSuccessStatusCode();
        (await PostAsync(clerk, returned, "return")).EnsureSuccessStatusCode();

        using var any = await SearchAsync(clerk, "q=vu+da+tra");
        using var onlyReturned = await SearchAsync(clerk, "q=vu+da+tra&status=Returned");
        using var both = await SearchAsync(clerk, "q=vu+da+tra&status=Returned,Received&status=InProcess&procedure=1.000894.H99&from=2025-03-03&to=2025-03-03");
        using var before = await SearchAsync(clerk, "q=vu+da+tra&to=2025-03-02");

        Assert.Equal(new[] { open, returned }.Order(StringComparer.Ordinal), Codes(any).Order(StringComparer.Ordinal));
        Assert.Equal([returned], Codes(onlyReturned));
        Assert.Equal(2, both.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("status=3", "status")]
    [InlineData("from=03/03/2025", "from")]
    [InlineData("from=2025-03-04&to=2025-03-03", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("procedure=9.999999.H99", "procedure")]
    public async Task Search_BadFilter_IsAProblemNamingTheField(string query, string field)
    {
        var clerk = await factory.ClientForAsync("motcua");

        using var response = await clerk.GetAsync(new Uri("/api/dossiers/search?" + query, UriKind.Relative));

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Search_AnotherAgencysDossier_IsNotFound()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var elsewhere = await factory.ClientForAsync("motcua2");
        var code = await RegisterAsync(clerk, Registration("Hồ Ngoài Phạm Vi"));

        using var page = await SearchAsync(elsewhere, "q=ho+ngoai+pham+vi");

        Assert.DoesNotContain(code, Codes(page));
        Assert.Equal(0, page.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DatabaseFile_AfterRegistrations_HoldsNoPlainIdNumberOrPhone()
    {
        const string idNumber = "079203004417";
        const string phone = "0356789012";
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration("Mai Bí Mật", idNumber: idNumber, phone: "+84 356 789 012"));
        using (var found = await SearchAsync(clerk, "q=" + phone))
        {
            Assert.Equal([code], Codes(found));
        }

        // Every row of every table, read as text, and the file's bytes (with its write-ahead log).
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var entries = await db.DossierBlindIndex.AsNoTracking().Select(e => e.Hash).ToListAsync();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e));
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var dump = new StringBuilder();
        await using (var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        dump.Append(reader.IsDBNull(i) ? string.Empty : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    }
                }
            }
        }

        var rows = dump.ToString();
        Assert.Contains("Mai Bí Mật", rows, StringComparison.Ordinal); // the dump does read the dossier
        Assert.DoesNotContain(idNumber, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, rows, StringComparison.Ordinal);
        Assert.DoesNotContain("356789012", rows, StringComparison.Ordinal);
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            var bytes = Encoding.Latin1.GetString(memory.ToArray());
            Assert.DoesNotContain(idNumber, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("356789012", bytes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Backfill_RowsSavedBeforeTheIndex_BecomeFindable()
    {
        var clerk = await factory.ClientForAsync("motcua");
        var code = await RegisterAsync(clerk, Registration("Cao Bổ Sung", idNumber: "031099000123"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As a row saved before the index: no folded name, no entries.
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            await db.DossierBlindIndex.Where(e => e.DossierId == id).ExecuteDeleteAsync();
            await db.Dossiers.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => EF.Property<string?>(d, DossierSearchIndex.NameProperty), (string?)null));
        }

        using (var lost = await SearchAsync(clerk, "q=031099000123"))
        {
            Assert.Empty(Codes(lost));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DossierSearchBackfill>().RunAsync(CancellationToken.None) >= 1);
        }

        using var byNumber = await SearchAsync(clerk, "q=031099000123");
        using var byName = await SearchAsync(clerk, "q=cao+bo+sung");
        Assert.Equal([code], Codes(byNumber));
        Assert.Equal([code], Codes(byName));
    }
}
