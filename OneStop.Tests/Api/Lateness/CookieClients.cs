using System.Net;
using System.Text.RegularExpressions;

namespace OneStop.Tests.Api.Lateness;

/// <summary>A client signed in through the sign-in page (the Identity cookie), as a browser is: the dashboard's page policy is cookie only.</summary>
internal static partial class CookieClients
{
    public static async Task<HttpClient> SignedInAsync(OneStopApiFactory factory, string userName)
    {
        var client = factory.CreateClient();
        var signInPage = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var signedIn = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = OneStop.Api.Demo.DemoData.Password, ["__RequestVerificationToken"] = TokenPattern().Match(signInPage).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
