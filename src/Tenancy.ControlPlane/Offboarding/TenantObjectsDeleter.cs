using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Deletes every version and delete marker under <c>tenants/&lt;id&gt;/</c> (the tenant bucket is versioned, so
/// deleting a key alone would only add a marker and keep its data): ListObjectVersions pages of the tenant's prefix
/// (built from a parsed <see cref="TenantId"/>, so <c>acme</c> never reaches <c>acme2/</c>), each deleted by version id
/// with one DeleteObjects, resumable from a cursor naming the last deleted key and version. It reports done only after
/// a listing from the start finds nothing, and fails when S3 refuses any version.
/// </summary>
public sealed class TenantObjectsDeleter
{
    private const string CursorVersion = "s2";
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
            var listed = await _s3.ListVersionsAsync(
                new ListVersionsRequest { BucketName = _options.BucketName, Prefix = prefix, KeyMarker = after?.Key, VersionIdMarker = after?.VersionId, MaxKeys = _options.PageSize },
                cancellationToken).ConfigureAwait(false);
            var versions = (listed.Versions ?? [])
                .Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(v.VersionId))
                .Select(v => new KeyVersion { Key = v.Key, VersionId = v.VersionId })
                .ToList();
            if (versions.Count == 0)
            {
                if (after is null || await IsEmptyAsync(prefix, cancellationToken).ConfigureAwait(false))
                {
                    return new TenantObjectsDeletionResult(tenantId.Value, null, deleted);
                }

                // Versions sorting before the cursor appeared (or remained): start over from the beginning.
                after = null;
                continue;
            }

            try
            {
                await _s3.DeleteObjectsAsync(
                    new DeleteObjectsRequest { BucketName = _options.BucketName, Quiet = true, Objects = versions },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DeleteObjectsException ex)
            {
                // The SDK reports per-key errors by throwing; never report such a page as deleted.
                var errors = ex.Response?.DeleteErrors ?? [];
                throw new TenantObjectsDeletionIncompleteException($"S3 refused to delete {errors.Count} of the tenant's object versions ({errors.FirstOrDefault()?.Code}).");
            }

            deleted += versions.Count;
            after = new VersionPosition(versions[^1].Key, versions[^1].VersionId);
        }

        return new TenantObjectsDeletionResult(tenantId.Value, EncodeCursor(tenantId, after), deleted);
    }

    private async Task<bool> IsEmptyAsync(string prefix, CancellationToken cancellationToken)
    {
        var listed = await _s3.ListVersionsAsync(new ListVersionsRequest { BucketName = _options.BucketName, Prefix = prefix, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
        return (listed.Versions ?? []).Count == 0;
    }

    private static string EncodeCursor(TenantId tenantId, VersionPosition? after) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CursorVersion}\n{tenantId.Value}\n{after?.VersionId ?? string.Empty}\n{after?.Key ?? string.Empty}"));

    private static VersionPosition? DecodeCursor(TenantId tenantId, string cursor, string prefix)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('\n', 4);
        }
        catch (FormatException)
        {
            throw new InvalidObjectsDeletionRequestException("The cursor is not one this step produced.");
        }

        if (parts.Length != 4 || parts[0] != CursorVersion || parts[1] != tenantId.Value
            || (parts[3].Length > 0 && !parts[3].StartsWith(prefix, StringComparison.Ordinal))
            || (parts[3].Length == 0) != (parts[2].Length == 0))
        {
            throw new InvalidObjectsDeletionRequestException("The cursor was not produced for this tenant.");
        }

        return parts[3].Length == 0 ? null : new VersionPosition(parts[3], parts[2]);
    }

    /// <summary>The last version deleted: the listing resumes after it.</summary>
    private sealed record VersionPosition(string Key, string VersionId);
}
