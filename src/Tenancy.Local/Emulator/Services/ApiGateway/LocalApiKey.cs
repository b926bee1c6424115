namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>An API key of the local API Gateway.</summary>
public sealed record LocalApiKey(
    string Id,
    string Value,
    string? Name,
    string? Description,
    string? CustomerId,
    bool Enabled,
    DateTimeOffset CreatedDate,
    IReadOnlyDictionary<string, string> Tags);
