namespace OneStop.Api.Documents;

/// <summary>What form a submitted paper takes.</summary>
public enum DocumentCopyKind
{
    /// <summary>Bản chính.</summary>
    Original,

    /// <summary>Bản sao có chứng thực.</summary>
    CertifiedCopy,

    /// <summary>Bản sao (photocopy, to be checked against the original).</summary>
    Copy,

    /// <summary>Bản điện tử (submitted online).</summary>
    Electronic,
}
