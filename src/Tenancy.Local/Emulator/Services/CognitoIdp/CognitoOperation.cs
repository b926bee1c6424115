using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>A cognito-idp operation and its JSON 1.1 request body.</summary>
public sealed record CognitoOperation(string Name, JsonObject Body) : LocalOperation(Name);
