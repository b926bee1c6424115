namespace Tenancy.Api.Health;

public sealed record HealthResponse(string Status);
