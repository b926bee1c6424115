using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>A parsed API Gateway management request: the route's path parameters and the JSON body.</summary>
public sealed record ApiGatewayOperation(string Name, IReadOnlyList<string> PathParameters, JsonObject Body) : LocalOperation(Name);
