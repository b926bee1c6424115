using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// Where a listing of one tenant's items resumes: the shard (pooled listings; 0 for a silo table scan) and the last
/// table key returned. Text form <c>shard.pk.sk</c> with URL-safe base64 keys, opaque to the workflow.
/// </summary>
internal sealed record TenantItemCursor(int Shard, string? PartitionKey, string? SortKey)
{
    public static TenantItemCursor Start { get; } = new(0, null, null);

    public string Encode() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Shard}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(PartitionKey ?? string.Empty))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SortKey ?? string.Empty))}");

    public static TenantItemCursor Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Start;
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var shard))
        {
            throw new TierChangeRefusedException("The cursor is not one this handler wrote.");
        }

        try
        {
            var partitionKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
            var sortKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2]));
            return partitionKey.Length == 0 ? new TenantItemCursor(shard, null, null) : new TenantItemCursor(shard, partitionKey, sortKey);
        }
        catch (FormatException e)
        {
            throw new TierChangeRefusedException("The cursor is not one this handler wrote.", e);
        }
    }
}
