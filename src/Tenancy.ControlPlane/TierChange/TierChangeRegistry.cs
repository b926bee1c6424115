using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Registry;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// The registry side of a move: the write freeze, the placement switch and the freeze's removal, each a single
/// conditional update written through <see cref="TenantRegistryItemCodec"/>, so a concurrent move, a lifecycle
/// change or a retried step can never apply twice or to the wrong move.
/// </summary>
public sealed class TierChangeRegistry
{
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly ControlPlaneSettings _settings;
    private readonly TimeProvider _time;

    public TierChangeRegistry(IAmazonDynamoDB dynamoDb, ControlPlaneSettings settings, TimeProvider? time = null)
    {
        _dynamoDb = dynamoDb ?? throw new ArgumentNullException(nameof(dynamoDb));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The tenant's registration, read consistently.</summary>
    public async Task<TenantRegistration> ReadAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var response = await _dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = _settings.RegistryTableName, Key = TenantRegistryItemCodec.Key(tenantId), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 })
        {
            throw new TierChangeRefusedException($"Tenant '{tenantId.Value}' is not registered.");
        }

        return TenantRegistryItemCodec.TryDecode(tenantId, response.Item, out var registration, out var error)
            ? registration!
            : throw new TierChangeRefusedException($"Tenant '{tenantId.Value}' has an unreadable registry item: {error}.");
    }

    /// <summary>
    /// Freezes the tenant's writes for a move to <paramref name="targetModel"/>. Re-sent with the same
    /// <paramref name="changeId"/> it returns the move already recorded.
    /// </summary>
    public async Task<TierChangeMove> FreezeAsync(TenantId tenantId, string changeId, TenancyModel targetModel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changeId);
        var current = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (current.TierChange is { } recorded)
        {
            return recorded.Id == changeId
                ? MoveOf(current, recorded)
                : throw new TierChangeRefusedException($"Tenant '{tenantId.Value}' is already moving (change '{recorded.Id}').");
        }

        if (current.Status != TenantStatus.Active || current.Placement.Model == targetModel)
        {
            throw new TierChangeRefusedException(
                $"Tenant '{tenantId.Value}' ({TenantRegistryItemCodec.StatusName(current.Status)}, {TenantRegistryItemCodec.ModelName(current.Placement.Model)}) cannot move to {TenantRegistryItemCodec.ModelName(targetModel)}.");
        }

        var targetTable = TenantPlacement.Conventional(tenantId, targetModel, _settings.PooledTableName).TableName;
        var change = new TenantTierChange(changeId, targetModel, targetTable, _time.GetUtcNow());
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":active"] = TenantRegistryItemCodec.EncodeStatus(TenantStatus.Active),
            [":table"] = new() { S = current.Placement.TableName },
            [":updated"] = TenantRegistryItemCodec.EncodeTimestamp(change.FrozenAt),
        };
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#status"] = TenantRegistryAttributes.Status,
            ["#table"] = TenantRegistryAttributes.TableName,
            ["#changeId"] = TenantRegistryAttributes.TierChangeId,
            ["#updated"] = TenantRegistryAttributes.UpdatedAt,
        };
        var sets = new List<string> { "#updated = :updated" };
        var index = 0;
        foreach (var (name, value) in TenantRegistryItemCodec.EncodeTierChange(change))
        {
            names[$"#c{index}"] = name;
            values[$":c{index}"] = value;
            sets.Add($"#c{index} = :c{index}");
            index++;
        }

        await UpdateAsync(
            tenantId,
            "SET " + string.Join(", ", sets),
            "#status = :active AND #table = :table AND attribute_not_exists(#changeId)",
            names,
            values,
            $"Tenant '{tenantId.Value}' changed while the move was being frozen.",
            cancellationToken).ConfigureAwait(false);
        return MoveOf(current, change);
    }

    /// <summary>The move as recorded, refused unless the registry still holds this move's freeze.</summary>
    public async Task<TenantRegistration> RequireFrozenAsync(TierChangeMove move, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(ParseTenant(move), cancellationToken).ConfigureAwait(false);
        if (current.TierChange?.Id != move.ChangeId || current.Placement.TableName != move.SourceTable || current.TierChange.TargetTableName != move.TargetTable)
        {
            throw new TierChangeRefusedException($"Tenant '{move.TenantId}' is not frozen for change '{move.ChangeId}'.");
        }

        return current;
    }

    /// <summary>Points the tenant at the target placement and lifts the freeze, in one update conditional on this move.</summary>
    public async Task<TenantRegistration> SwitchAsync(TierChangeMove move, CancellationToken cancellationToken)
    {
        var tenantId = ParseTenant(move);
        var current = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (current.TierChange is null && current.Placement.TableName == move.TargetTable)
        {
            return current; // Already switched by a retried invocation.
        }

        current = await RequireFrozenAsync(move, cancellationToken).ConfigureAwait(false);
        var target = current.TierChange!.TargetModel;
        var names = ChangeNames();
        names["#model"] = TenantRegistryAttributes.Model;
        names["#table"] = TenantRegistryAttributes.TableName;
        names["#silo"] = TenantRegistryAttributes.ResourceSiloTable;
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":change"] = new() { S = move.ChangeId },
            [":model"] = TenantRegistryItemCodec.EncodeModel(target),
            [":table"] = new() { S = move.TargetTable },
            [":updated"] = TenantRegistryItemCodec.EncodeTimestamp(_time.GetUtcNow()),
        };
        var update = "SET #model = :model, #table = :table, #updated = :updated";
        if (target == TenancyModel.Silo)
        {
            values[":silo"] = new AttributeValue { S = move.TargetTable };
            update += ", #silo = :silo REMOVE " + RemoveChange();
        }
        else
        {
            update += " REMOVE #silo, " + RemoveChange();
        }

        await UpdateAsync(tenantId, update, "#c0 = :change", names, values, $"Tenant '{move.TenantId}' is no longer frozen for change '{move.ChangeId}'.", cancellationToken).ConfigureAwait(false);
        return await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lifts this move's freeze without switching; a no-op when the freeze is already gone or belongs to another move.</summary>
    public async Task UnfreezeAsync(TierChangeMove move, CancellationToken cancellationToken)
    {
        var tenantId = ParseTenant(move);
        var names = ChangeNames();
        names["#table"] = TenantRegistryAttributes.TableName;
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":change"] = new() { S = move.ChangeId },
            [":source"] = new() { S = move.SourceTable },
            [":updated"] = TenantRegistryItemCodec.EncodeTimestamp(_time.GetUtcNow()),
        };
        try
        {
            await _dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _settings.RegistryTableName,
                    Key = TenantRegistryItemCodec.Key(tenantId),
                    UpdateExpression = "SET #updated = :updated REMOVE " + RemoveChange(),
                    ConditionExpression = "#c0 = :change AND #table = :source",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Nothing of this move left to lift (a retried rollback, or a freeze this move never placed).
        }
    }

    internal static TenantId ParseTenant(TierChangeMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return TenantId.TryParse(move.TenantId, out var tenantId, out var error)
            ? tenantId
            : throw new TierChangeRefusedException($"The move names no valid tenant: {error}");
    }

    private static TierChangeMove MoveOf(TenantRegistration registration, TenantTierChange change) => new(
        registration.TenantId.Value,
        change.Id,
        TenantRegistryItemCodec.ModelName(registration.Placement.Model),
        registration.Placement.TableName,
        TenantRegistryItemCodec.ModelName(change.TargetModel),
        change.TargetTableName);

    private static Dictionary<string, string> ChangeNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#updated"] = TenantRegistryAttributes.UpdatedAt };
        for (var i = 0; i < TenantRegistryItemCodec.TierChangeAttributeNames.Count; i++)
        {
            names[$"#c{i}"] = TenantRegistryItemCodec.TierChangeAttributeNames[i];
        }

        return names;
    }

    private static string RemoveChange() =>
        string.Join(", ", Enumerable.Range(0, TenantRegistryItemCodec.TierChangeAttributeNames.Count).Select(i => $"#c{i}"));

    private async Task UpdateAsync(
        TenantId tenantId,
        string update,
        string condition,
        Dictionary<string, string> names,
        Dictionary<string, AttributeValue> values,
        string refusal,
        CancellationToken cancellationToken)
    {
        try
        {
            await _dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _settings.RegistryTableName,
                    Key = TenantRegistryItemCodec.Key(tenantId),
                    UpdateExpression = update,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new TierChangeRefusedException(refusal, e);
        }
    }
}
