namespace Tenancy.Testing.Samples;

/// <summary>A nested record with its own generated mapping.</summary>
public sealed record Address(string Street, string City, string? PostalCode);
