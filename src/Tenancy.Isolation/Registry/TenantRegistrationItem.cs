using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Registry;

/// <summary>
/// Reads one registry item (schema in <c>docs/tenant-registry.md</c>) into a <see cref="TenantRegistration"/>.
/// Strict: enum values must be known names, required attributes present and the item's id equal to the requested
/// one; anything else makes the tenant unservable rather than guessing.
/// </summary>
internal static class TenantRegistrationItem
{
    public static bool TryRead(TenantId requested, Dictionary<string, AttributeValue> item, out TenantRegistration? registration, out string error)
    {
        registration = null;
        if (!TryGetString(item, "TenantId", out var storedId) || !TenantId.TryParse(storedId, out var tenantId, out _) || tenantId != requested)
        {
            error = "the item's TenantId is missing, invalid or not the requested tenant";
            return false;
        }

        if (!TryGetString(item, "Tier", out var tierText) || !TryParseTier(tierText, out var tier))
        {
            error = $"unknown Tier '{tierText}'";
            return false;
        }

        if (!TryGetString(item, "Status", out var statusText) || !TryParseStatus(statusText, out var status))
        {
            error = $"unknown Status '{statusText}'";
            return false;
        }

        if (!TryGetString(item, "Model", out var modelText) || !TryParseModel(modelText, out var model))
        {
            error = $"unknown Model '{modelText}'";
            return false;
        }

        if (!TryGetString(item, "TableName", out var tableName) || !TryGetString(item, "KmsKeyId", out var keyId) || !TryGetString(item, "BucketPrefix", out var prefix))
        {
            error = "the placement (TableName, KmsKeyId, BucketPrefix) is incomplete";
            return false;
        }

        TryGetString(item, "BucketName", out var bucketName);
        TryGetString(item, "Name", out var name);
        registration = new TenantRegistration(
            tenantId,
            name ?? tenantId.Value,
            tier,
            status,
            new TenantPlacement(model, tableName!, keyId!, bucketName, prefix!));
        error = string.Empty;
        return true;
    }

    private static bool TryGetString(Dictionary<string, AttributeValue> item, string name, out string? value)
    {
        value = item.TryGetValue(name, out var attribute) && !string.IsNullOrEmpty(attribute.S) ? attribute.S : null;
        return value is not null;
    }

    // Explicit name tables: Enum.TryParse would also accept numbers ("7") and other casings.
    private static bool TryParseTier(string? text, out TenantTier tier)
    {
        (var ok, tier) = text switch
        {
            "Basic" => (true, TenantTier.Basic),
            "Premium" => (true, TenantTier.Premium),
            _ => (false, default),
        };
        return ok;
    }

    private static bool TryParseStatus(string? text, out TenantStatus status)
    {
        (var ok, status) = text switch
        {
            "Provisioning" => (true, TenantStatus.Provisioning),
            "Active" => (true, TenantStatus.Active),
            "Suspended" => (true, TenantStatus.Suspended),
            "Offboarding" => (true, TenantStatus.Offboarding),
            "Offboarded" => (true, TenantStatus.Offboarded),
            _ => (false, default),
        };
        return ok;
    }

    private static bool TryParseModel(string? text, out TenancyModel model)
    {
        (var ok, model) = text switch
        {
            "Pool" => (true, TenancyModel.Pool),
            "Silo" => (true, TenancyModel.Silo),
            _ => (false, default),
        };
        return ok;
    }
}
