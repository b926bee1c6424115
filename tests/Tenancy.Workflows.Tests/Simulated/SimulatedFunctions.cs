using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Functions;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>
/// Stands in for the control-plane Lambda functions behind <see cref="ILocalFunctionInvoker"/> (the same contract the
/// real AOT bootstraps serve locally), answering with their documented payloads and function errors.
/// </summary>
public sealed class SimulatedFunctions(SimulatedRegistry registry, SimulatedTenantData data) : ILocalFunctionInvoker
{
    public Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var request = JsonNode.Parse(payload.Span)!;
        try
        {
            var response = logicalId switch
            {
                "RegistryFunction" => registry.Apply(request),
                "PooledDataDeletionFunction" => Page(request, data.DeleteItemsPage(request["tenantId"]!.GetValue<string>())),
                "TenantObjectsDeletionFunction" => Page(request, data.DeleteObjectsPage(request["tenantId"]!.GetValue<string>())),
                _ => throw new SimulatedServiceException("Lambda.ResourceNotFoundException", $"Function not found: {logicalId}"),
            };
            return Task.FromResult(new LocalInvocationResult(Encoding.UTF8.GetBytes(response.ToJsonString()), null));
        }
        catch (SimulatedServiceException e)
        {
            var error = new JsonObject { ["errorType"] = e.Error, ["errorMessage"] = e.Message };
            return Task.FromResult(new LocalInvocationResult(Encoding.UTF8.GetBytes(error.ToJsonString()), e.Error));
        }
    }

    private static JsonObject Page(JsonNode request, (int Deleted, string? Cursor) page) =>
        new() { ["tenantId"] = request["tenantId"]!.GetValue<string>(), ["cursor"] = page.Cursor, ["deleted"] = page.Deleted, ["skipped"] = 0 };
}
