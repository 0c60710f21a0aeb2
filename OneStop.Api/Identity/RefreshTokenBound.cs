namespace OneStop.Api.Identity;

/// <summary>
/// A refresh token is a protected ticket of about 700 characters (a user with every role stays under 1,000); one
/// over 2,048 characters is refused as input, a 400 naming <c>refreshToken</c>, before anything unprotects it.
/// </summary>
internal static class RefreshTokenBound
{
    public const int MaxLength = 2048;

    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Arguments.OfType<AuthEndpoints.RefreshRequest>().FirstOrDefault() is { RefreshToken.Length: > MaxLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = [$"At most {MaxLength} characters."] });
        }

        return await next(context);
    }
}
