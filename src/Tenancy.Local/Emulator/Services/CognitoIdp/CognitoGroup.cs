namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>A group of the local user pool.</summary>
public sealed record CognitoGroup(string GroupName, string? Description, int? Precedence, string? RoleArn, DateTimeOffset CreatedAt);
