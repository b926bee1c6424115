using Amazon.S3;
using Tenancy.Lambda.Functions;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>The offboarding step that deletes a tenant's objects, registered on the control-plane bootstrap.</summary>
public static class ObjectsFunctions
{
    public const string TenantObjectsDeletion = "tenant-objects-deletion";

    public static LambdaFunctionHost Map(LambdaFunctionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);

        // Created on first use so the other handlers of this bootstrap never need the bucket variable.
        var deleter = new Lazy<TenantObjectsDeleter>(() =>
        {
            var options = TenantObjectsDeletionOptions.FromEnvironment();
            return new TenantObjectsDeleter(new AmazonS3Client(new AmazonS3Config { ForcePathStyle = options.ForcePathStyle }), options);
        });
        return host.Map(
            TenantObjectsDeletion,
            ObjectsJsonContext.Default.TenantObjectsDeletionRequest,
            ObjectsJsonContext.Default.TenantObjectsDeletionResult,
            (request, context, cancellationToken) => deleter.Value.HandleAsync(request, context.Deadline, cancellationToken));
    }
}
