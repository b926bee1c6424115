using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.ControlPlane.Registry;

/// <summary>
/// The registry's write side. Every change is a conditional write on the current status, built only with
/// <see cref="TenantRegistryItemCodec"/>. Replays are idempotent: a change whose condition fails because the tenant is
/// already in the target state returns the item unchanged (a Step Functions retry after a lost response), anything else
/// is refused with <see cref="IllegalTenantTransitionException"/>. Reads are strongly consistent.
/// </summary>
public sealed class TenantRegistryWriter
{
    private const string StatusName = "#status";
    private const string UpdatedName = "#updated";

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly ControlPlaneSettings _settings;
    private readonly TimeProvider _time;

    public TenantRegistryWriter(IAmazonDynamoDB dynamoDb, ControlPlaneSettings settings, TimeProvider? time = null)
    {
        _dynamoDb = dynamoDb ?? throw new ArgumentNullException(nameof(dynamoDb));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Registers the tenant as <see cref="TenantStatus.Provisioning"/>. Re-sent for a tenant already registered with the
    /// same tier it returns the item as it is; a <see cref="TenantStatus.Failed"/> tenant is provisioned again (its
    /// recorded resources were compensated and are cleared).
    /// </summary>
    public async Task<TenantRegistration> RegisterAsync(TenantId tenantId, string name, TenantTier tier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var now = _time.GetUtcNow();
        var model = TieringPolicy.ModelFor(tier);
        var registration = new TenantRegistration(
            tenantId,
            name,
            tier,
            TenantStatus.Provisioning,
            TenantPlacement.Conventional(tenantId, model, _settings.PooledTableName, _settings.TenantBucketName));
        try
        {
            await _dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _settings.RegistryTableName,
                    Item = TenantRegistryItemCodec.Encode(registration, now, now),
                    ConditionExpression = "attribute_not_exists(#id)",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = TenantRegistryAttributes.TenantId },
                },
                cancellationToken).ConfigureAwait(false);
            return registration;
        }
        catch (ConditionalCheckFailedException)
        {
        }

        var current = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (current.Status == TenantStatus.Failed)
        {
            return await ReprovisionAsync(registration, now, cancellationToken).ConfigureAwait(false);
        }

        return SameRegistration(current, tier);
    }

    /// <summary>Records newly created resources on a tenant that is still <see cref="TenantStatus.Provisioning"/>.</summary>
    public async Task<TenantRegistration> RecordResourcesAsync(TenantId tenantId, TenantResources resources, CancellationToken cancellationToken)
    {
        var values = TenantRegistryItemCodec.EncodeResources(resources);
        if (values.Count == 0)
        {
            throw new RegistryRequestException("No resource to record.");
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [StatusName] = TenantRegistryAttributes.Status, [UpdatedName] = TenantRegistryAttributes.UpdatedAt };
        var attributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":from"] = TenantRegistryItemCodec.EncodeStatus(TenantStatus.Provisioning),
            [":now"] = TenantRegistryItemCodec.EncodeTimestamp(_time.GetUtcNow()),
        };
        var sets = new List<string> { $"{UpdatedName} = :now" };
        var index = 0;
        foreach (var (attribute, value) in values)
        {
            names[$"#r{index}"] = attribute;
            attributeValues[$":r{index}"] = value;
            sets.Add($"#r{index} = :r{index}");
            index++;
        }

        try
        {
            var response = await _dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _settings.RegistryTableName,
                    Key = TenantRegistryItemCodec.Key(tenantId),
                    UpdateExpression = "SET " + string.Join(", ", sets),
                    ConditionExpression = $"{StatusName} = :from",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = attributeValues,
                    ReturnValues = ReturnValue.ALL_NEW,
                },
                cancellationToken).ConfigureAwait(false);
            return Decode(tenantId, response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
            throw new IllegalTenantTransitionException(tenantId, "record-resources", current.Status);
        }
    }

    /// <summary>Applies <paramref name="transition"/>; <paramref name="failureCause"/> is required for (and only kept by) <c>fail</c>.</summary>
    public async Task<TenantRegistration> TransitionAsync(TenantId tenantId, RegistryTransition transition, string? failureCause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var failing = transition.To == TenantStatus.Failed;
        if (failing && string.IsNullOrWhiteSpace(failureCause))
        {
            throw new RegistryRequestException("The 'fail' transition needs a cause.");
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [StatusName] = TenantRegistryAttributes.Status, [UpdatedName] = TenantRegistryAttributes.UpdatedAt };
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":to"] = TenantRegistryItemCodec.EncodeStatus(transition.To),
            [":now"] = TenantRegistryItemCodec.EncodeTimestamp(_time.GetUtcNow()),
        };
        var from = new List<string>();
        for (var i = 0; i < transition.From.Count; i++)
        {
            values[$":from{i}"] = TenantRegistryItemCodec.EncodeStatus(transition.From[i]);
            from.Add($":from{i}");
        }

        var update = $"SET {StatusName} = :to, {UpdatedName} = :now";
        if (failing)
        {
            names["#cause"] = TenantRegistryAttributes.FailureCause;
            values[":cause"] = TenantRegistryItemCodec.EncodeFailureCause(failureCause!);
            update += ", #cause = :cause";
        }

        try
        {
            var response = await _dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _settings.RegistryTableName,
                    Key = TenantRegistryItemCodec.Key(tenantId),
                    UpdateExpression = update,
                    ConditionExpression = $"{StatusName} IN ({string.Join(", ", from)})",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                    ReturnValues = ReturnValue.ALL_NEW,
                },
                cancellationToken).ConfigureAwait(false);
            return Decode(tenantId, response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
            if (current.Status == transition.To)
            {
                return current;
            }

            throw new IllegalTenantTransitionException(tenantId, transition.Name, current.Status);
        }
    }

    /// <summary>The tenant's item, read strongly consistently.</summary>
    public async Task<TenantRegistration> ReadAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var response = await _dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = _settings.RegistryTableName, Key = TenantRegistryItemCodec.Key(tenantId), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 })
        {
            throw new TenantNotRegisteredException(tenantId);
        }

        return Decode(tenantId, response.Item);
    }

    private async Task<TenantRegistration> ReprovisionAsync(TenantRegistration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var placement = registration.Placement;
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StatusName] = TenantRegistryAttributes.Status,
            [UpdatedName] = TenantRegistryAttributes.UpdatedAt,
            ["#name"] = TenantRegistryAttributes.Name,
            ["#tier"] = TenantRegistryAttributes.Tier,
            ["#model"] = TenantRegistryAttributes.Model,
            ["#table"] = TenantRegistryAttributes.TableName,
            ["#cause"] = TenantRegistryAttributes.FailureCause,
        };
        var removed = new List<string> { "#cause" };
        for (var i = 0; i < TenantRegistryItemCodec.ResourceAttributeNames.Count; i++)
        {
            names[$"#r{i}"] = TenantRegistryItemCodec.ResourceAttributeNames[i];
            removed.Add($"#r{i}");
        }

        try
        {
            var response = await _dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _settings.RegistryTableName,
                    Key = TenantRegistryItemCodec.Key(registration.TenantId),
                    UpdateExpression = $"SET {StatusName} = :to, {UpdatedName} = :now, #name = :name, #tier = :tier, #model = :model, #table = :table REMOVE {string.Join(", ", removed)}",
                    ConditionExpression = $"{StatusName} = :from",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":to"] = TenantRegistryItemCodec.EncodeStatus(TenantStatus.Provisioning),
                        [":from"] = TenantRegistryItemCodec.EncodeStatus(TenantStatus.Failed),
                        [":now"] = TenantRegistryItemCodec.EncodeTimestamp(now),
                        [":name"] = new AttributeValue { S = registration.Name },
                        [":tier"] = TenantRegistryItemCodec.EncodeTier(registration.Tier),
                        [":model"] = new AttributeValue { S = TenantRegistryItemCodec.ModelName(placement.Model) },
                        [":table"] = new AttributeValue { S = placement.TableName },
                    },
                    ReturnValues = ReturnValue.ALL_NEW,
                },
                cancellationToken).ConfigureAwait(false);
            return Decode(registration.TenantId, response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            // A concurrent registration moved it out of Failed first: the same rules as any re-sent registration.
            var current = await ReadAsync(registration.TenantId, cancellationToken).ConfigureAwait(false);
            return SameRegistration(current, registration.Tier);
        }
    }

    private static TenantRegistration SameRegistration(TenantRegistration current, TenantTier tier)
    {
        if (current.Status is TenantStatus.Offboarding or TenantStatus.Deleted or TenantStatus.Failed)
        {
            throw new IllegalTenantTransitionException(current.TenantId, "register", current.Status);
        }

        if (current.Tier != tier)
        {
            throw new TenantRegistrationConflictException(current.TenantId, $"tier {TenantRegistryItemCodec.TierName(current.Tier)}, requested {TenantRegistryItemCodec.TierName(tier)}.");
        }

        return current;
    }

    private static TenantRegistration Decode(TenantId tenantId, Dictionary<string, AttributeValue> item) =>
        TenantRegistryItemCodec.TryDecode(tenantId, item, out var registration, out var error)
            ? registration!
            : throw new TenantNotRegisteredException(tenantId, error);
}
