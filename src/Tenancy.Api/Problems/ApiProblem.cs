using System.Text.Json.Serialization;

namespace Tenancy.Api.Problems;

/// <summary>An RFC 9457 problem details document, with optional field errors for validation problems.</summary>
public sealed record ApiProblem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("instance")] string? Instance)
{
    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Correlates the response with the log line of the request.</summary>
    [JsonPropertyName("traceId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceId { get; init; }

    /// <summary>Seconds after which the client may retry; sent as the <c>Retry-After</c> header, not in the body.</summary>
    [JsonIgnore]
    public int? RetryAfterSeconds { get; init; }
}
