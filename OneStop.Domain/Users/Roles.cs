namespace OneStop.Users;

/// <summary>The roles; every endpoint states which it admits.</summary>
public static class Roles
{
    /// <summary>Desk clerk: registers, hands over, returns, logs visits.</summary>
    public const string Clerk = "Clerk";

    /// <summary>Department officer: hands over, asks for supplements, drafts apologies, records results.</summary>
    public const string Officer = "Officer";

    /// <summary>Head of agency: approves apologies (Form 04 is signed in their name).</summary>
    public const string Head = "Head";

    /// <summary>Supervisor: dashboard, findings, exports.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Administrator: catalogue, agencies, calendar notices, users.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Clerk, Officer, Head, Supervisor, Admin];

    /// <summary>Anyone who works on dossiers.</summary>
    public const string Staff = Clerk + "," + Officer + "," + Head + "," + Supervisor + "," + Admin;
}
