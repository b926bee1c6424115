using Microsoft.AspNetCore.Http.Metadata;
using Tenancy.Api.Problems;
using Tenancy.Api.Tenants;
using Tenancy.Isolation.Objects;

namespace Tenancy.Api.Attachments;

/// <summary>
/// Order attachments: documents stored under the tenant's own S3 prefix through <see cref="TenantObjectStore"/>
/// (vended credentials, validated names, size and content-type limits, encrypted under the tenant's key).
/// </summary>
public static class AttachmentsFeature
{
    /// <summary>The environment variable naming the tenant data bucket (set by template.yaml).</summary>
    public const string BucketVariable = TenantObjectOptions.BucketVariable;

    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration, long maxRequestBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.ConfigureHttpJsonOptions(static options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AttachmentsJsonContext.Default));

        // Resolved on first use, so an API without a bucket still serves everything else; attachments then fail closed.
        services.AddSingleton(_ => new TenantObjectStore(new TenantObjectOptions
        {
            BucketName = configuration[BucketVariable] is { Length: > 0 } bucket
                ? bucket
                : throw new InvalidOperationException($"{BucketVariable} is not set."),
            MaxObjectBytes = (int)Math.Min(maxRequestBodyBytes, TenantObjectOptions.DefaultMaxObjectBytes),
        }));
        services.AddExceptionProblemMapping(static _ => new AttachmentProblemMapping());
        return services;
    }

    public static RouteGroupBuilder MapAttachments(this IEndpointRouteBuilder routes)
    {
        var attachments = routes.MapGroup("/orders/{id}/attachments").WithMetadata(RequiresTenant.Instance).WithTags("Attachments")
            .ProducesProblems(ProblemResponseMetadata.TenantRouteStatuses).ProducesProblems(StatusCodes.Status404NotFound);
        attachments.MapGet("/", AttachmentEndpoints.ListAsync).Produces<AttachmentPageResponse>();
        attachments.MapPut("/{name}", AttachmentEndpoints.PutAsync).Produces<AttachmentResponse>()
            .WithMetadata(new AcceptsMetadata([.. TenantObjectOptions.DefaultAllowedContentTypes], typeof(byte[])))
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        attachments.MapGet("/{name}", AttachmentEndpoints.GetAsync)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(byte[]), [.. TenantObjectOptions.DefaultAllowedContentTypes]));
        attachments.MapDelete("/{name}", AttachmentEndpoints.DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return attachments;
    }
}
