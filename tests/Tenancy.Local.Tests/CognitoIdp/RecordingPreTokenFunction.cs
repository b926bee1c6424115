using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Tests.CognitoIdp;

/// <summary>
/// An in-process stand-in for the pre token generation function, behind the same <see cref="ILocalFunctionInvoker"/>
/// the AOT bootstrap is reached through: it records every event and answers like a V2_0 handler — tenant claims on
/// the access token, the session-tags claim on the ID token — or fails (a function error) for users of tenant
/// <see cref="FailingTenant"/>, or answers garbage for <see cref="GarbageTenant"/>.
/// </summary>
public sealed class RecordingPreTokenFunction : ILocalFunctionInvoker
{
    public const string LogicalId = "PreTokenGenerationFunction";
    public const string FailingTenant = "suspended-co";
    public const string GarbageTenant = "garbage-co";

    public ConcurrentQueue<(string LogicalId, JsonObject Event)> Invocations { get; } = new();

    public Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var triggerEvent = JsonNode.Parse(payload.Span)!.AsObject();
        Invocations.Enqueue((logicalId, triggerEvent));
        var tenant = (string?)triggerEvent["request"]?["userAttributes"]?["custom:tenantID"];
        if (tenant is null or FailingTenant)
        {
            return Result(new JsonObject { ["errorType"] = "TenantNotActive", ["errorMessage"] = "tenant is not active" }, "Unhandled");
        }

        if (tenant == GarbageTenant)
        {
            return Task.FromResult(new LocalInvocationResult("not json"u8.ToArray(), null));
        }

        triggerEvent["response"] = new JsonObject
        {
            ["claimsAndScopeOverrideDetails"] = new JsonObject
            {
                ["idTokenGeneration"] = new JsonObject
                {
                    ["claimsToAddOrOverride"] = new JsonObject
                    {
                        ["https://aws.amazon.com/tags"] = new JsonObject
                        {
                            ["principal_tags"] = new JsonObject { ["TenantID"] = new JsonArray(tenant) },
                            ["transitive_tag_keys"] = new JsonArray("TenantID"),
                        },
                    },
                    ["claimsToSuppress"] = new JsonArray("email", "iss"),
                },
                ["accessTokenGeneration"] = new JsonObject
                {
                    ["claimsToAddOrOverride"] = new JsonObject { ["custom:tenantID"] = tenant, ["custom:tenantTier"] = "Premium", ["token_use"] = "id" },
                    ["scopesToAdd"] = new JsonArray("tenancy/api"),
                },
                ["groupOverrideDetails"] = new JsonObject { ["groupsToOverride"] = new JsonArray("tenant-" + tenant) },
            },
        };
        return Result(triggerEvent, null);
    }

    private static Task<LocalInvocationResult> Result(JsonObject body, string? functionError) =>
        Task.FromResult(new LocalInvocationResult(Encoding.UTF8.GetBytes(body.ToJsonString()), functionError));
}
