using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Deletes every object under <c>tenants/&lt;id&gt;/</c>: ListObjectsV2 pages of the tenant's prefix (built from a
/// parsed <see cref="TenantId"/>, so <c>acme</c> never reaches <c>acme2/</c>), each deleted with one DeleteObjects,
/// resumable from a cursor naming the last deleted key. It reports done only after a listing from the start finds
/// nothing, and fails when S3 refuses any key.
/// </summary>
public sealed class TenantObjectsDeleter
{
    private const string CursorVersion = "s1";
    private readonly IAmazonS3 _s3;
    private readonly TenantObjectsDeletionOptions _options;
    private readonly TimeProvider _time;

    public TenantObjectsDeleter(IAmazonS3 s3, TenantObjectsDeletionOptions options, TimeProvider? time = null)
    {
        _s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
    }

    public async Task<TenantObjectsDeletionResult> HandleAsync(TenantObjectsDeletionRequest request, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TenantId.TryParse(request.TenantId, out var tenantId))
        {
            throw new InvalidObjectsDeletionRequestException("The request names no valid tenant id.");
        }

        var prefix = $"tenants/{tenantId.Value}/";
        var after = request.Cursor is null ? null : DecodeCursor(tenantId, request.Cursor, prefix);
        var deleted = 0;
        for (var pages = 0; pages < _options.MaxPagesPerInvocation && deadline - _time.GetUtcNow() > _options.DeadlineMargin; pages++)
        {
            var listed = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.BucketName, Prefix = prefix, StartAfter = after, MaxKeys = _options.PageSize }, cancellationToken).ConfigureAwait(false);
            var keys = (listed.S3Objects ?? []).Select(o => o.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (keys.Count == 0)
            {
                if (after is null || await IsEmptyAsync(prefix, cancellationToken).ConfigureAwait(false))
                {
                    return new TenantObjectsDeletionResult(tenantId.Value, null, deleted);
                }

                // Objects sorting before the cursor appeared (or remained): start over from the beginning.
                after = null;
                continue;
            }

            try
            {
                await _s3.DeleteObjectsAsync(
                    new DeleteObjectsRequest { BucketName = _options.BucketName, Quiet = true, Objects = keys.Select(k => new KeyVersion { Key = k }).ToList() },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DeleteObjectsException ex)
            {
                // The SDK reports per-key errors by throwing; never report such a page as deleted.
                var errors = ex.Response?.DeleteErrors ?? [];
                throw new TenantObjectsDeletionIncompleteException($"S3 refused to delete {errors.Count} of the tenant's objects ({errors.FirstOrDefault()?.Code}).");
            }

            deleted += keys.Count;
            after = keys[^1];
        }

        return new TenantObjectsDeletionResult(tenantId.Value, EncodeCursor(tenantId, after), deleted);
    }

    private async Task<bool> IsEmptyAsync(string prefix, CancellationToken cancellationToken)
    {
        var listed = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.BucketName, Prefix = prefix, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
        return (listed.S3Objects ?? []).Count == 0;
    }

    private static string EncodeCursor(TenantId tenantId, string? after) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CursorVersion}\n{tenantId.Value}\n{after ?? string.Empty}"));

    private static string? DecodeCursor(TenantId tenantId, string cursor, string prefix)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('\n', 3);
        }
        catch (FormatException)
        {
            throw new InvalidObjectsDeletionRequestException("The cursor is not one this step produced.");
        }

        if (parts.Length != 3 || parts[0] != CursorVersion || parts[1] != tenantId.Value || (parts[2].Length > 0 && !parts[2].StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw new InvalidObjectsDeletionRequestException("The cursor was not produced for this tenant.");
        }

        return parts[2].Length == 0 ? null : parts[2];
    }
}
