using NodaTime;

namespace OneStop.Persistence;

/// <summary>The first answer to a request sent with an Idempotency-Key, replayed for repeats by the same user.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(string key, string userName, string requestHash, int statusCode, string responseBody, string? location, Instant createdAt)
    {
        Key = key;
        UserName = userName;
        RequestHash = requestHash;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Location = location;
        CreatedAt = createdAt;
    }

    public string Key { get; private set; } = string.Empty;

    public string UserName { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the request body: the same key with another body is a client error.</summary>
    public string RequestHash { get; private set; } = string.Empty;

    public int StatusCode { get; private set; }

    public string ResponseBody { get; private set; } = string.Empty;

    public string? Location { get; private set; }

    public Instant CreatedAt { get; private set; }
}
