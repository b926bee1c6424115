using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;
using Tenancy.Isolation.Repositories.Runtime;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Where a tenant's deletion stands: the shard being listed, the index position inside it (the last key of the last
/// page read, absent at a shard's start) and whether the current pass over all shards deleted anything (then another
/// pass follows, so the deletion ends only after a pass finds nothing). Text form:
/// <c>1.&lt;shard&gt;.&lt;0|1&gt;[.&lt;base64url PK&gt;.&lt;base64url SK&gt;]</c>.
/// </summary>
internal sealed record DeletionCursor(int Shard, bool PassDeleted, string? StartPartitionKey, string? StartSortKey)
{
    private const string Version = "1";

    public static DeletionCursor Start { get; } = new(0, false, null, null);

    /// <summary>The index start key for <paramref name="tenantId"/>'s current shard, or null at the shard's start.</summary>
    public Dictionary<string, AttributeValue>? ExclusiveStartKey(TenantId tenantId, string partitionKeyAttribute, string sortKeyAttribute) =>
        StartPartitionKey is null || StartSortKey is null
            ? null
            : new Dictionary<string, AttributeValue>(3, StringComparer.Ordinal)
            {
                [TenantShards.AttributeName] = new() { S = TenantShards.Key(tenantId, Shard) },
                [partitionKeyAttribute] = new() { S = StartPartitionKey },
                [sortKeyAttribute] = new() { S = StartSortKey },
            };

    public string Encode()
    {
        var head = string.Join('.', Version, Shard.ToString(CultureInfo.InvariantCulture), PassDeleted ? "1" : "0");
        return StartPartitionKey is null || StartSortKey is null
            ? head
            : string.Join('.', head, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(StartPartitionKey)), Base64Url.EncodeToString(Encoding.UTF8.GetBytes(StartSortKey)));
    }

    /// <summary>Reads a cursor of <paramref name="tenantId"/>'s deletion; anything else is refused, never reinterpreted.</summary>
    public static DeletionCursor Decode(TenantId tenantId, string? text)
    {
        if (text is null)
        {
            return Start;
        }

        var parts = text.Split('.');
        if (parts is not ([Version, _, _] or [Version, _, _, _, _])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var shard)
            || shard >= TenantShards.Count
            || parts[2] is not ("0" or "1"))
        {
            throw new InvalidDeletionRequestException("The deletion cursor is malformed.");
        }

        if (parts.Length == 3)
        {
            return new DeletionCursor(shard, parts[2] == "1", null, null);
        }

        var partitionKey = DecodeText(parts[3]);
        var sortKey = DecodeText(parts[4]);
        // A cursor may only resume inside the tenant's own partitions.
        if (!PooledItemKeys.BelongsTo(tenantId, partitionKey))
        {
            throw new InvalidDeletionRequestException("The deletion cursor belongs to another tenant.");
        }

        return new DeletionCursor(shard, parts[2] == "1", partitionKey, sortKey);
    }

    private static string DecodeText(string part)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(part));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new InvalidDeletionRequestException("The deletion cursor is malformed.");
        }
    }
}
