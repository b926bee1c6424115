using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Registry;

/// <summary>
/// The one mapping between a <see cref="TenantRegistration"/> and its registry item (schema in
/// <c>docs/tenant-registry.md</c>): the application plane decodes with it, the control plane and the local cloud
/// encode with it. Decoding is strict: enum values must be known names, required attributes present and the item's
/// id equal to the requested one; anything else makes the tenant unservable rather than guessing. Hand-written
/// mappings only, so it stays trimming- and Native-AOT-safe.
/// </summary>
public static class TenantRegistryItemCodec
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The item key of <paramref name="tenantId"/>.</summary>
    /// <param name="tenantId">The tenant whose item is addressed.</param>
    /// <returns>A new key dictionary (the SDK's request types take ownership of it).</returns>
    public static Dictionary<string, AttributeValue> Key(TenantId tenantId) =>
        new(StringComparer.Ordinal) { [TenantRegistryAttributes.TenantId] = new AttributeValue { S = tenantId.Value } };

    /// <summary>The whole registry item of <paramref name="registration"/>.</summary>
    /// <param name="registration">The tenant to write.</param>
    /// <param name="createdAt">When the tenant was registered.</param>
    /// <param name="updatedAt">When the item last changed.</param>
    /// <returns>A new item; <c>BucketName</c> is omitted when the placement has none.</returns>
    /// <exception cref="ArgumentException">The registration has no tenant id or an enum value outside its named members.</exception>
    public static Dictionary<string, AttributeValue> Encode(TenantRegistration registration, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.TenantId.IsEmpty)
        {
            throw new ArgumentException("A registry item needs a tenant id.", nameof(registration));
        }

        var placement = registration.Placement;
        var item = Key(registration.TenantId);
        item[TenantRegistryAttributes.Name] = Text(registration.Name);
        item[TenantRegistryAttributes.Tier] = Text(TierName(registration.Tier));
        item[TenantRegistryAttributes.Status] = EncodeStatus(registration.Status);
        item[TenantRegistryAttributes.Model] = Text(ModelName(placement.Model));
        item[TenantRegistryAttributes.TableName] = Text(placement.TableName);
        item[TenantRegistryAttributes.KmsKeyId] = Text(placement.KmsKeyId);
        if (placement.BucketName is not null)
        {
            item[TenantRegistryAttributes.BucketName] = Text(placement.BucketName);
        }

        item[TenantRegistryAttributes.BucketPrefix] = Text(placement.BucketPrefix);
        foreach (var (name, value) in EncodeResources(registration.Resources))
        {
            item[name] = value;
        }

        if (!string.IsNullOrEmpty(registration.FailureCause))
        {
            item[TenantRegistryAttributes.FailureCause] = Text(registration.FailureCause);
        }

        if (registration.TierChange is not null)
        {
            foreach (var (name, value) in EncodeTierChange(registration.TierChange))
            {
                item[name] = value;
            }
        }

        item[TenantRegistryAttributes.CreatedAt] = EncodeTimestamp(createdAt);
        item[TenantRegistryAttributes.UpdatedAt] = EncodeTimestamp(updatedAt);
        return item;
    }

    /// <summary>
    /// The resource attributes of <paramref name="resources"/> that are set (for updates that record newly created
    /// resources); unset members are absent, never empty strings.
    /// </summary>
    /// <param name="resources">The resources to record.</param>
    /// <returns>Attribute name to value, only for members that are set.</returns>
    public static Dictionary<string, AttributeValue> EncodeResources(TenantResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                attributes[name] = Text(value);
            }
        }

        Add(TenantRegistryAttributes.ResourceKmsKeyId, resources.KmsKeyId);
        Add(TenantRegistryAttributes.ResourceKmsKeyArn, resources.KmsKeyArn);
        Add(TenantRegistryAttributes.ResourceKmsAlias, resources.KmsAliasName);
        Add(TenantRegistryAttributes.ResourceSiloTable, resources.SiloTableName);
        Add(TenantRegistryAttributes.ResourceUserPoolGroup, resources.UserPoolGroupName);
        Add(TenantRegistryAttributes.ResourceAdminUser, resources.AdminUserName);
        Add(TenantRegistryAttributes.ResourceApiKeyId, resources.ApiKeyId);
        Add(TenantRegistryAttributes.ResourceApiKeyValue, resources.ApiKeyValue);
        Add(TenantRegistryAttributes.ResourceUsagePlanId, resources.UsagePlanId);
        return attributes;
    }

    /// <summary>The names of every resource attribute (to remove them all when a failed tenant is provisioned again).</summary>
    public static IReadOnlyList<string> ResourceAttributeNames { get; } =
    [
        TenantRegistryAttributes.ResourceKmsKeyId,
        TenantRegistryAttributes.ResourceKmsKeyArn,
        TenantRegistryAttributes.ResourceKmsAlias,
        TenantRegistryAttributes.ResourceSiloTable,
        TenantRegistryAttributes.ResourceUserPoolGroup,
        TenantRegistryAttributes.ResourceAdminUser,
        TenantRegistryAttributes.ResourceApiKeyId,
        TenantRegistryAttributes.ResourceApiKeyValue,
        TenantRegistryAttributes.ResourceUsagePlanId,
    ];

    /// <summary>The attributes recording <paramref name="change"/> (the write freeze of a move in progress).</summary>
    /// <param name="change">The move; its id and target table must not be empty.</param>
    /// <returns>Attribute name to value for every <c>TierChange*</c> attribute.</returns>
    /// <exception cref="ArgumentException">The id or target table is empty, or the model is not a named member.</exception>
    public static Dictionary<string, AttributeValue> EncodeTierChange(TenantTierChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.TargetTableName);
        return new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [TenantRegistryAttributes.TierChangeId] = Text(change.Id),
            [TenantRegistryAttributes.TierChangeTargetModel] = Text(ModelName(change.TargetModel)),
            [TenantRegistryAttributes.TierChangeTargetTable] = Text(change.TargetTableName),
            [TenantRegistryAttributes.TierChangeFrozenAt] = EncodeTimestamp(change.FrozenAt),
        };
    }

    /// <summary>The names of every tier-change attribute (removed together when the freeze is lifted).</summary>
    public static IReadOnlyList<string> TierChangeAttributeNames { get; } =
    [
        TenantRegistryAttributes.TierChangeId,
        TenantRegistryAttributes.TierChangeTargetModel,
        TenantRegistryAttributes.TierChangeTargetTable,
        TenantRegistryAttributes.TierChangeFrozenAt,
    ];

    /// <summary>The <c>Model</c> attribute value of <paramref name="model"/> (for the placement switch).</summary>
    /// <param name="model">A named <see cref="TenancyModel"/>.</param>
    /// <returns>The model by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a named member.</exception>
    public static AttributeValue EncodeModel(TenancyModel model) => Text(ModelName(model));

    /// <summary>The <c>FailureCause</c> attribute value.</summary>
    /// <param name="cause">Why onboarding failed; must not be empty.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="ArgumentException"><paramref name="cause"/> is empty.</exception>
    public static AttributeValue EncodeFailureCause(string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        return Text(cause);
    }

    /// <summary>The <c>Tier</c> attribute value of <paramref name="tier"/>.</summary>
    /// <param name="tier">A named <see cref="TenantTier"/>.</param>
    /// <returns>The tier by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="tier"/> is not a named member.</exception>
    public static AttributeValue EncodeTier(TenantTier tier) => Text(TierName(tier));

    /// <summary>The stored name of <paramref name="status"/> (as in the <c>Status</c> attribute).</summary>
    /// <param name="status">A named <see cref="TenantStatus"/>.</param>
    /// <returns>The status by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="status"/> is not a named member.</exception>
    public static string StatusName(TenantStatus status) => status switch
    {
        TenantStatus.Provisioning => "Provisioning",
        TenantStatus.Active => "Active",
        TenantStatus.Suspended => "Suspended",
        TenantStatus.Offboarding => "Offboarding",
        TenantStatus.Deleted => "Deleted",
        TenantStatus.Failed => "Failed",
        _ => throw new ArgumentException($"Undefined TenantStatus {(int)status}.", nameof(status)),
    };

    /// <summary>The stored name of <paramref name="tier"/> (as in the <c>Tier</c> attribute).</summary>
    /// <param name="tier">A named <see cref="TenantTier"/>.</param>
    /// <returns>The tier by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="tier"/> is not a named member.</exception>
    public static string TierName(TenantTier tier) => tier switch
    {
        TenantTier.Basic => "Basic",
        TenantTier.Premium => "Premium",
        _ => throw new ArgumentException($"Undefined TenantTier {(int)tier}.", nameof(tier)),
    };

    /// <summary>The stored name of <paramref name="model"/> (as in the <c>Model</c> attribute).</summary>
    /// <param name="model">A named <see cref="TenancyModel"/>.</param>
    /// <returns>The model by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a named member.</exception>
    public static string ModelName(TenancyModel model) => model switch
    {
        TenancyModel.Pool => "Pool",
        TenancyModel.Silo => "Silo",
        _ => throw new ArgumentException($"Undefined TenancyModel {(int)model}.", nameof(model)),
    };

    /// <summary>Parses a stored tier name strictly (no numbers, exact casing).</summary>
    /// <param name="text">The stored name.</param>
    /// <param name="tier">The tier when known.</param>
    /// <returns>True for a known name.</returns>
    public static bool TryParseTier(string? text, out TenantTier tier)
    {
        (var ok, tier) = text switch
        {
            "Basic" => (true, TenantTier.Basic),
            "Premium" => (true, TenantTier.Premium),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Parses a stored status name strictly (no numbers, exact casing).</summary>
    /// <param name="text">The stored name.</param>
    /// <param name="status">The status when known.</param>
    /// <returns>True for a known name.</returns>
    public static bool TryParseStatus(string? text, out TenantStatus status)
    {
        (var ok, status) = text switch
        {
            "Provisioning" => (true, TenantStatus.Provisioning),
            "Active" => (true, TenantStatus.Active),
            "Suspended" => (true, TenantStatus.Suspended),
            "Offboarding" => (true, TenantStatus.Offboarding),
            "Deleted" => (true, TenantStatus.Deleted),
            "Failed" => (true, TenantStatus.Failed),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>The <c>Status</c> attribute value of <paramref name="status"/> (for updates that change only the status).</summary>
    /// <param name="status">A named <see cref="TenantStatus"/>.</param>
    /// <returns>The status by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="status"/> is not a named member.</exception>
    public static AttributeValue EncodeStatus(TenantStatus status) => Text(StatusName(status));

    /// <summary>The <c>CreatedAt</c>/<c>UpdatedAt</c> attribute value of <paramref name="time"/>: ISO 8601 UTC to the second.</summary>
    /// <param name="time">The instant to store.</param>
    /// <returns>The timestamp attribute.</returns>
    public static AttributeValue EncodeTimestamp(DateTimeOffset time) =>
        Text(time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));

    /// <summary>Reads a registry item strictly.</summary>
    /// <param name="requested">The tenant the item was fetched for; an item with another id is refused.</param>
    /// <param name="item">The item as DynamoDB returned it.</param>
    /// <param name="registration">The registration when the item is servable, else null.</param>
    /// <param name="error">Why the item was refused, else empty.</param>
    /// <returns>True when every required attribute is present and known.</returns>
    public static bool TryDecode(TenantId requested, IReadOnlyDictionary<string, AttributeValue> item, out TenantRegistration? registration, out string error)
    {
        ArgumentNullException.ThrowIfNull(item);
        registration = null;
        if (!TryGetString(item, TenantRegistryAttributes.TenantId, out var storedId) || !TenantId.TryParse(storedId, out var tenantId, out _) || tenantId != requested)
        {
            error = "the item's TenantId is missing, invalid or not the requested tenant";
            return false;
        }

        if (!TryGetString(item, TenantRegistryAttributes.Tier, out var tierText) || !TryParseTier(tierText, out var tier))
        {
            error = $"unknown Tier '{tierText}'";
            return false;
        }

        if (!TryGetString(item, TenantRegistryAttributes.Status, out var statusText) || !TryParseStatus(statusText, out var status))
        {
            error = $"unknown Status '{statusText}'";
            return false;
        }

        if (!TryGetString(item, TenantRegistryAttributes.Model, out var modelText) || !TryParseModel(modelText, out var model))
        {
            error = $"unknown Model '{modelText}'";
            return false;
        }

        if (!TryGetString(item, TenantRegistryAttributes.TableName, out var tableName)
            || !TryGetString(item, TenantRegistryAttributes.KmsKeyId, out var keyId)
            || !TryGetString(item, TenantRegistryAttributes.BucketPrefix, out var prefix))
        {
            error = "the placement (TableName, KmsKeyId, BucketPrefix) is incomplete";
            return false;
        }

        if (!TryDecodeTierChange(item, out var tierChange, out error))
        {
            return false;
        }

        TryGetString(item, TenantRegistryAttributes.BucketName, out var bucketName);
        TryGetString(item, TenantRegistryAttributes.Name, out var name);
        TryGetString(item, TenantRegistryAttributes.FailureCause, out var failureCause);
        registration = new TenantRegistration(
            tenantId,
            name ?? tenantId.Value,
            tier,
            status,
            new TenantPlacement(model, tableName!, keyId!, bucketName, prefix!))
        {
            Resources = DecodeResources(item),
            FailureCause = failureCause,
            TierChange = tierChange,
        };
        error = string.Empty;
        return true;
    }

    // A freeze that cannot be read completely still freezes: the tenant becomes unservable rather than writable.
    private static bool TryDecodeTierChange(IReadOnlyDictionary<string, AttributeValue> item, out TenantTierChange? change, out string error)
    {
        change = null;
        error = string.Empty;
        var anyPresent = false;
        foreach (var name in TierChangeAttributeNames)
        {
            anyPresent |= item.ContainsKey(name);
        }

        if (!anyPresent)
        {
            return true;
        }

        if (!TryGetString(item, TenantRegistryAttributes.TierChangeId, out var id)
            || !TryGetString(item, TenantRegistryAttributes.TierChangeTargetModel, out var modelText)
            || !TryParseModel(modelText, out var model)
            || !TryGetString(item, TenantRegistryAttributes.TierChangeTargetTable, out var table)
            || !TryGetString(item, TenantRegistryAttributes.TierChangeFrozenAt, out var frozenText)
            || !DateTimeOffset.TryParseExact(frozenText, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var frozenAt))
        {
            error = "the tier change (TierChangeId, TierChangeTargetModel, TierChangeTargetTable, TierChangeFrozenAt) is incomplete";
            return false;
        }

        change = new TenantTierChange(id!, model, table!, frozenAt);
        return true;
    }

    private static TenantResources DecodeResources(IReadOnlyDictionary<string, AttributeValue> item)
    {
        string? Read(string name) => TryGetString(item, name, out var value) ? value : null;
        return new TenantResources
        {
            KmsKeyId = Read(TenantRegistryAttributes.ResourceKmsKeyId),
            KmsKeyArn = Read(TenantRegistryAttributes.ResourceKmsKeyArn),
            KmsAliasName = Read(TenantRegistryAttributes.ResourceKmsAlias),
            SiloTableName = Read(TenantRegistryAttributes.ResourceSiloTable),
            UserPoolGroupName = Read(TenantRegistryAttributes.ResourceUserPoolGroup),
            AdminUserName = Read(TenantRegistryAttributes.ResourceAdminUser),
            ApiKeyId = Read(TenantRegistryAttributes.ResourceApiKeyId),
            ApiKeyValue = Read(TenantRegistryAttributes.ResourceApiKeyValue),
            UsagePlanId = Read(TenantRegistryAttributes.ResourceUsagePlanId),
        };
    }

    private static AttributeValue Text(string value) => new() { S = value };

    private static bool TryGetString(IReadOnlyDictionary<string, AttributeValue> item, string name, out string? value)
    {
        value = item.TryGetValue(name, out var attribute) && !string.IsNullOrEmpty(attribute.S) ? attribute.S : null;
        return value is not null;
    }

    // Explicit name tables both ways (above and below): Enum.TryParse would also accept numbers ("7") and other
    // casings, and ToString would write a number for an undefined value.
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
