namespace OneStop.Api.Documents;

/// <summary>How the previous step finished, as the receiving side records it on Form 05.</summary>
public enum HandoverOutcome
{
    /// <summary>Trước hạn.</summary>
    Early,

    /// <summary>Đúng hạn.</summary>
    OnTime,

    /// <summary>Quá hạn.</summary>
    Late,
}
