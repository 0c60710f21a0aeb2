using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Jobs.Ledger;
using OneStop.Users;

namespace OneStop.Api.Ledger;

/// <summary>
/// The ledger's anchors: <c>GET /api/ledger/checkpoints/latest</c> serves the latest signed checkpoint file (the same
/// bytes as in the checkpoint folder) so that an auditor can keep a copy outside the system.
/// </summary>
public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ledger").WithTags("Ledger");
        group.MapGet("/checkpoints/latest", Latest).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    public static Results<ContentHttpResult, NotFound> Latest(CheckpointStore store, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (store.Latest() is not { } latest)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{latest.Name}\"";
        return TypedResults.Content(latest.Content, "application/json");
    }
}
