using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using OneStop.Api.PublicStatus;

namespace OneStop.Api.CitizenLookup;

/// <summary>
/// The status page as HTML, rendered by <see cref="CitizenStatusPage"/> once per cached dossier and story: the page is
/// kept beside the dossier's cached public facts (<see cref="PublicStatusCache"/>, weakly, so it goes when they do:
/// a save evicts both at once) together with a fingerprint of what the story said; a request whose story says the
/// same (the same state, message, appointment, facts) gets the same page without rendering it again, and a story
/// that changed with the time (a dossier turning late) renders anew. Only the plain page is kept: one with the
/// rating form (it carries an antiforgery token) or an error is rendered for its request.
/// </summary>
public sealed class RenderedStatusPages(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly ConditionalWeakTable<PublicDossierFacts, Rendered> _pages = [];

    /// <summary>The page of <paramref name="view"/> without a rating form or error.</summary>
    public async Task<string> HtmlAsync(PublicStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fingerprint = Fingerprint(view);
        if (_pages.TryGetValue(view.Dossier, out var rendered) && rendered.Fingerprint == fingerprint)
        {
            return rendered.Html;
        }

        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(CitizenStatusPage.View)] = view });
            var output = await renderer.RenderComponentAsync<CitizenStatusPage>(parameters);
            return output.ToHtmlString();
        });
        _pages.AddOrUpdate(view.Dossier, new Rendered(fingerprint, html));
        return html;
    }

    // Everything of the story the page shows beside the facts themselves (which are the cache key).
    private static string Fingerprint(PublicStatusView view)
    {
        var text = new StringBuilder(256)
            .Append(view.StatusText).Append('\u001f').Append(view.Message).Append('\u001f').Append(view.Tone).Append('\u001f')
            .Append(view.Late).Append('\u001f').Append(view.Appointment?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(view.RatingOpen).Append('\u001f');
        foreach (var (label, value) in view.Facts)
        {
            text.Append(label).Append('\u001e').Append(value).Append('\u001f');
        }

        foreach (var (step, state) in view.Steps)
        {
            text.Append(step).Append('\u001e').Append(state).Append('\u001f');
        }

        return text.ToString();
    }

    private sealed record Rendered(string Fingerprint, string Html);
}
