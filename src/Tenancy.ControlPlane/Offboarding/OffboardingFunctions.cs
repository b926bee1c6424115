using Amazon.DynamoDBv2;
using Tenancy.Lambda.Functions;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>The offboarding steps that need code, registered on the control-plane bootstrap.</summary>
public static class OffboardingFunctions
{
    public const string PooledDataDeletion = "pooled-data-deletion";

    public static LambdaFunctionHost Map(LambdaFunctionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        // Created on first use so the other handlers of this bootstrap never need the table variable.
        var deleter = new Lazy<PooledDataDeleter>(() => new PooledDataDeleter(new AmazonDynamoDBClient(), PooledDataDeletionOptions.FromEnvironment()));
        return host.Map(
            PooledDataDeletion,
            OffboardingJsonContext.Default.PooledDataDeletionRequest,
            OffboardingJsonContext.Default.PooledDataDeletionResult,
            (request, context, cancellationToken) => deleter.Value.HandleAsync(request, context.Deadline, cancellationToken));
    }
}
