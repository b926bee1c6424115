namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// One authorization check a DynamoDB request needs: the IAM action, the table or index ARN, and the
/// <c>dynamodb:LeadingKeys</c> values (null when the request has none, as for Scan and PartiQL).
/// </summary>
public sealed record DynamoDbAccess(string Action, string Resource, IReadOnlyList<string>? LeadingKeys);
