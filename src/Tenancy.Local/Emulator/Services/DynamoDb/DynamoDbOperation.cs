using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>A DynamoDB operation and its parsed JSON 1.0 request (forwarded untouched once authorized).</summary>
public sealed record DynamoDbOperation(string Name, JsonObject Request) : LocalOperation(Name);
