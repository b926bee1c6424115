using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.ControlPlane.Registry;

/// <summary>Output of the <c>registry</c> function: the tenant's item after the change (names as stored).</summary>
public sealed record RegistryItemView
{
    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required string Tier { get; init; }

    public required string Status { get; init; }

    public required string Model { get; init; }

    public required string TableName { get; init; }

    public required string KmsKeyId { get; init; }

    public string? BucketName { get; init; }

    public required string BucketPrefix { get; init; }

    public required RegistryResources Resources { get; init; }

    public string? FailureCause { get; init; }

    public static RegistryItemView From(TenantRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new()
        {
            TenantId = registration.TenantId.Value,
            Name = registration.Name,
            Tier = TenantRegistryItemCodec.TierName(registration.Tier),
            Status = TenantRegistryItemCodec.StatusName(registration.Status),
            Model = TenantRegistryItemCodec.ModelName(registration.Placement.Model),
            TableName = registration.Placement.TableName,
            KmsKeyId = registration.Placement.KmsKeyId,
            BucketName = registration.Placement.BucketName,
            BucketPrefix = registration.Placement.BucketPrefix,
            Resources = RegistryResources.FromResources(registration.Resources),
            FailureCause = registration.FailureCause,
        };
    }
}
