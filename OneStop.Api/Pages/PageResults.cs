using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Components;

namespace OneStop.Api.Pages;

/// <summary>
/// How an endpoint answers with a page: a Razor component rendered on the server (statically, no circuit, no script),
/// with its parameters and a status. <c>Page&lt;SignInPage&gt;(new { ReturnUrl = url }, 400)</c>.
/// </summary>
public static class PageResults
{
    /// <summary>The component <typeparamref name="TComponent"/> as the answer; <paramref name="parameters"/> is an anonymous object or a dictionary whose names are its [Parameter] properties.</summary>
    public static RazorComponentResult<TComponent> Page<TComponent>(object? parameters = null, int status = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        new(parameters ?? new Dictionary<string, object?>()) { StatusCode = status };

    /// <summary>The Vietnamese page of a refused request (<see cref="ErrorPage"/>) with <paramref name="status"/>.</summary>
    public static RazorComponentResult<ErrorPage> Error(int status, string? message = null) =>
        Page<ErrorPage>(new Dictionary<string, object?> { [nameof(ErrorPage.Status)] = status, [nameof(ErrorPage.Message)] = message }, status);
}
