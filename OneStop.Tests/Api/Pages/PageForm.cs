using System.Text.RegularExpressions;

namespace OneStop.Tests.Api.Pages;

/// <summary>Posting a page's form as a browser does: its antiforgery token read from the page first.</summary>
internal static partial class PageForm
{
    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, then posts the form.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex TokenPattern();
}
