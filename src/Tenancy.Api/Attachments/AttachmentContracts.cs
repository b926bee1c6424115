namespace Tenancy.Api.Attachments;

/// <summary>One attachment as listed or just written: its name, size in bytes and entity tag.</summary>
public sealed record AttachmentResponse(string Name, long Size, string ETag);

/// <summary>One page of an order's attachments, in name order.</summary>
public sealed record AttachmentPageResponse(IReadOnlyList<AttachmentResponse> Items, string? ContinuationToken);
