namespace OneStop.Dossiers;

/// <summary>A broken business rule: a stable <see cref="Code"/> that the API answers as 409.</summary>
public sealed class DossierRuleException : Exception
{
    public DossierRuleException(string code, string message)
        : base(message) => Code = code;

    public DossierRuleException()
        : this("rule-broken", "A business rule was broken.")
    {
    }

    public DossierRuleException(string message)
        : this("rule-broken", message)
    {
    }

    public DossierRuleException(string message, Exception innerException)
        : base(message, innerException) => Code = "rule-broken";

    /// <summary>Stable, kebab-case: clients branch on it.</summary>
    public string Code { get; }
}
