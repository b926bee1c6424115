using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tenancy.Api.Tenants;

namespace Tenancy.Api.OpenApi;

/// <summary>Every route that serves a tenant (<see cref="RequiresTenant"/>) requires the tenant bearer token.</summary>
internal sealed class TenantBearerOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresTenant>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(TenantApiDocumentTransformer.BearerSchemeName, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
