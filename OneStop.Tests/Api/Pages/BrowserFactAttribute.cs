namespace OneStop.Tests.Api.Pages;

/// <summary>
/// A fact that drives a real browser: skipped with a reason where <c>/usr/bin/chromium</c> is missing, except under
/// <c>CI=true</c>, where it runs and fails (xunit v2 has no dynamic skip, so the attribute decides).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserSupport.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
