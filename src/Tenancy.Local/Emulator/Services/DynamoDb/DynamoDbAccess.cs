namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// One authorization check a DynamoDB request needs: the IAM action, the table or index ARN, the
/// <c>dynamodb:LeadingKeys</c> values (null when the request has none, as for Scan and PartiQL), and the
/// attribute-level keys: <c>dynamodb:Attributes</c>, the effective <c>dynamodb:Select</c> of a read and the
/// effective <c>dynamodb:ReturnValues</c> of a write (null where the operation has none).
/// </summary>
public sealed record DynamoDbAccess(string Action, string Resource, IReadOnlyList<string>? LeadingKeys)
{
    public IReadOnlyList<string> Attributes { get; init; } = [];

    public string? Select { get; init; }

    public string? ReturnValues { get; init; }
}
