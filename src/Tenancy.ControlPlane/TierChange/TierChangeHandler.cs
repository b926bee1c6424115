using Amazon.DynamoDBv2;
using Tenancy.ControlPlane.Offboarding;
using Tenancy.ControlPlane.Registry;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// The <c>tier-change</c> handler: one action of the move per invocation (<c>docs/tier-change.md</c>). Every action
/// after the freeze first checks the registry still describes this move, so a stale or replayed step never touches
/// data of another move or of a tenant already switched.
/// </summary>
public sealed class TierChangeHandler
{
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly ControlPlaneSettings _settings;
    private readonly TierChangeOptions _options;
    private readonly Func<TenantRegistration, ITenantFieldEncryptor?> _encryptors;
    private readonly TimeProvider _time;
    private readonly TierChangeRegistry _registry;
    private readonly TenantItemLister _lister;
    private readonly SiloTables _tables;

    /// <param name="dynamoDb">The control plane's own client (registry and tenant tables).</param>
    /// <param name="settings">Registry and pooled table names.</param>
    /// <param name="options">Page sizes and deadline reserve.</param>
    /// <param name="encryptors">The tenant's field encryptor (to re-seal encrypted attributes for the target table).</param>
    /// <param name="time">Clock; system when null.</param>
    public TierChangeHandler(IAmazonDynamoDB dynamoDb, ControlPlaneSettings settings, TierChangeOptions options, Func<TenantRegistration, ITenantFieldEncryptor?> encryptors, TimeProvider? time = null)
    {
        _dynamoDb = dynamoDb ?? throw new ArgumentNullException(nameof(dynamoDb));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _encryptors = encryptors ?? throw new ArgumentNullException(nameof(encryptors));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxItemsPerInvocation, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        _time = time ?? TimeProvider.System;
        _registry = new TierChangeRegistry(dynamoDb, settings, _time);
        _lister = new TenantItemLister(dynamoDb);
        _tables = new SiloTables(dynamoDb, _time);
    }

    /// <summary>Runs the action <paramref name="request"/> names.</summary>
    public Task<TierChangeResult> HandleAsync(TierChangeRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Action switch
        {
            "freeze" => FreezeAsync(request, cancellationToken),
            "prepare-target" => PrepareTargetAsync(MoveOf(request), deadline, cancellationToken),
            "copy" => CopyAsync(MoveOf(request), request.Cursor, deadline, cancellationToken),
            "digest" => DigestAsync(MoveOf(request), request.Side, request.Cursor, request.Digest ?? TierChangeDigest.Empty, deadline, cancellationToken),
            "switch" => SwitchAsync(MoveOf(request), request.SourceDigest, request.TargetDigest, cancellationToken),
            "delete-source" => DeleteSourceAsync(MoveOf(request), request.SourceDigest, request.TargetDigest, request.Cursor, deadline, cancellationToken),
            "rollback" => RollbackAsync(MoveOf(request), request.Cursor, deadline, cancellationToken),
            _ => throw new TierChangeRefusedException($"Unknown tier-change action '{request.Action}'."),
        };
    }

    private async Task<TierChangeResult> FreezeAsync(TierChangeRequest request, CancellationToken cancellationToken)
    {
        if (!TenantId.TryParse(request.TenantId, out var tenantId, out var error))
        {
            throw new TierChangeRefusedException($"The move names no valid tenant: {error}");
        }

        var target = request.TargetModel switch
        {
            "Pool" => TenancyModel.Pool,
            "Silo" => TenancyModel.Silo,
            _ => throw new TierChangeRefusedException($"'{request.TargetModel}' is not a model to move to (Pool or Silo)."),
        };
        var move = await _registry.FreezeAsync(tenantId, request.ChangeId ?? string.Empty, target, cancellationToken).ConfigureAwait(false);
        return new TierChangeResult(move, true, null, 0, null);
    }

    private async Task<TierChangeResult> PrepareTargetAsync(TierChangeMove move, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var registration = await _registry.RequireFrozenAsync(move, cancellationToken).ConfigureAwait(false);
        var done = move.TargetModel != "Silo"
            || await _tables.EnsureActiveAsync(move.TargetTable, move.TenantId, registration.Placement.KmsKeyId, deadline, cancellationToken).ConfigureAwait(false);
        return new TierChangeResult(move, done, null, 0, null);
    }

    private async Task<TierChangeResult> CopyAsync(TierChangeMove move, string? cursorText, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var registration = await _registry.RequireFrozenAsync(move, cancellationToken).ConfigureAwait(false);
        var rebinder = new TenantFieldRebinder(_encryptors(registration));
        var copier = new TenantItemCopier(_dynamoDb, rebinder);
        var cursor = TenantItemCursor.Decode(cursorText);
        var copied = 0;
        while (copied < _options.MaxItemsPerInvocation && !NearDeadline(deadline))
        {
            var page = await _lister.NextAsync(registration.TenantId, registration.Placement.Model, move.SourceTable, cursor, _options.PageSize, cancellationToken).ConfigureAwait(false);
            await copier.CopyAsync(registration.TenantId, move.SourceTable, move.TargetTable, page.Items, cancellationToken).ConfigureAwait(false);
            copied += page.Items.Count;
            if (page.Next is null)
            {
                return new TierChangeResult(move, true, null, copied, null);
            }

            cursor = page.Next;
        }

        return new TierChangeResult(move, false, cursor.Encode(), copied, null);
    }

    private async Task<TierChangeResult> DigestAsync(TierChangeMove move, string? side, string? cursorText, TierChangeDigest digest, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var tenantId = TierChangeRegistry.ParseTenant(move);
        var registration = await _registry.ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var frozen = registration.TierChange?.Id == move.ChangeId && registration.Placement.TableName == move.SourceTable;
        var switched = registration.TierChange is null && registration.Placement.TableName == move.TargetTable;
        if (!frozen && !switched)
        {
            throw new TierChangeRefusedException($"Tenant '{move.TenantId}' is neither frozen for nor switched by change '{move.ChangeId}'.");
        }

        var (model, table) = side switch
        {
            "source" => (ParseModel(move.SourceModel), move.SourceTable),
            "target" => (ParseModel(move.TargetModel), move.TargetTable),
            _ => throw new TierChangeRefusedException($"'{side}' is not a side of the move (source or target)."),
        };
        var digester = new TenantItemDigester(new TenantFieldRebinder(_encryptors(registration)));
        var cursor = TenantItemCursor.Decode(cursorText);
        var items = 0;
        while (items < _options.MaxItemsPerInvocation && !NearDeadline(deadline))
        {
            var page = await _lister.NextAsync(tenantId, model, table, cursor, _options.PageSize, cancellationToken).ConfigureAwait(false);
            digest = await digester.AddAsync(digest, tenantId, table, page.Items, cancellationToken).ConfigureAwait(false);
            items += page.Items.Count;
            if (page.Next is null)
            {
                return new TierChangeResult(move, true, null, items, digest);
            }

            cursor = page.Next;
        }

        return new TierChangeResult(move, false, cursor.Encode(), items, digest);
    }

    private async Task<TierChangeResult> SwitchAsync(TierChangeMove move, TierChangeDigest? source, TierChangeDigest? target, CancellationToken cancellationToken)
    {
        RequireEqual(move, source, target);
        await _registry.SwitchAsync(move, cancellationToken).ConfigureAwait(false);
        return new TierChangeResult(move, true, null, 0, target);
    }

    private async Task<TierChangeResult> DeleteSourceAsync(TierChangeMove move, TierChangeDigest? source, TierChangeDigest? target, string? cursor, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var registration = await _registry.ReadAsync(TierChangeRegistry.ParseTenant(move), cancellationToken).ConfigureAwait(false);
        if (registration.TierChange is not null || registration.Placement.TableName != move.TargetTable)
        {
            throw new TierChangeRefusedException($"Tenant '{move.TenantId}' is not served from '{move.TargetTable}'; its source is kept.");
        }

        // The source digested again after the switch must still be what was copied: nothing wrote to it meanwhile.
        RequireEqual(move, source, target);
        return await RemoveAsync(move, move.SourceModel, move.SourceTable, cursor, deadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TierChangeResult> RollbackAsync(TierChangeMove move, string? cursor, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var registration = await _registry.ReadAsync(TierChangeRegistry.ParseTenant(move), cancellationToken).ConfigureAwait(false);
        if (registration.Placement.TableName != move.SourceTable || (registration.TierChange is { } change && change.Id != move.ChangeId))
        {
            throw new TierChangeRefusedException($"Tenant '{move.TenantId}' is no longer served from '{move.SourceTable}' under change '{move.ChangeId}'; nothing is rolled back.");
        }

        var removal = await RemoveAsync(move, move.TargetModel, move.TargetTable, cursor, deadline, cancellationToken).ConfigureAwait(false);
        if (removal.Done)
        {
            await _registry.UnfreezeAsync(move, cancellationToken).ConfigureAwait(false);
        }

        return removal;
    }

    /// <summary>Removes the tenant's copy in one table: a silo table is deleted, pooled items are deleted a page at a time.</summary>
    private async Task<TierChangeResult> RemoveAsync(TierChangeMove move, string model, string table, string? cursor, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (ParseModel(model) == TenancyModel.Silo)
        {
            if (table == _settings.PooledTableName)
            {
                throw new TierChangeRefusedException("The pooled table is never deleted as a silo table.");
            }

            await _tables.DeleteAsync(table, cancellationToken).ConfigureAwait(false);
            return new TierChangeResult(move, true, null, 0, null);
        }

        var deleter = new PooledDataDeleter(
            _dynamoDb,
            new PooledDataDeletionOptions { TableName = table, MaxItemsPerInvocation = _options.MaxItemsPerInvocation, ReserveTime = _options.ReserveTime },
            _time);
        var result = await deleter.HandleAsync(new PooledDataDeletionRequest(move.TenantId, cursor), deadline, cancellationToken).ConfigureAwait(false);
        return new TierChangeResult(move, result.Cursor is null, result.Cursor, result.Deleted, null);
    }

    private static void RequireEqual(TierChangeMove move, TierChangeDigest? source, TierChangeDigest? target)
    {
        if (source is null || target is null || source.Count != target.Count || !string.Equals(source.Sum, target.Sum, StringComparison.Ordinal))
        {
            throw new TierChangeDigestMismatchException(
                $"Tenant '{move.TenantId}': source ({source?.Count} items, {source?.Sum}) and target ({target?.Count} items, {target?.Sum}) differ.");
        }
    }

    private static TierChangeMove MoveOf(TierChangeRequest request) =>
        request.Move ?? throw new TierChangeRefusedException($"The '{request.Action}' action needs the move the freeze returned.");

    private static TenancyModel ParseModel(string model) => model switch
    {
        "Pool" => TenancyModel.Pool,
        "Silo" => TenancyModel.Silo,
        _ => throw new TierChangeRefusedException($"'{model}' is not a model."),
    };

    private bool NearDeadline(DateTimeOffset? deadline) =>
        deadline is { } end && end - _time.GetUtcNow() < _options.ReserveTime;
}
