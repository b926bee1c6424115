using System.Diagnostics;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// Reads <c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>. An X-Ray root is a W3C
/// trace id with the version and dashes removed, so the invocation's <see cref="Activity"/> can continue the trace.
/// </summary>
public static class XRayTraceHeader
{
    /// <summary>Reads the root and parent of an X-Ray trace header as an activity context; false when either is missing or malformed.</summary>
    public static bool TryGetParent(string? header, out ActivityContext parent)
    {
        parent = default;
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        ReadOnlySpan<char> root = default, parentId = default;
        var sampled = false;
        foreach (var range in header.AsSpan().Split(';'))
        {
            var part = header.AsSpan()[range].Trim();
            if (part.StartsWith("Root=", StringComparison.Ordinal))
            {
                root = part[5..];
            }
            else if (part.StartsWith("Parent=", StringComparison.Ordinal))
            {
                parentId = part[7..];
            }
            else if (part.StartsWith("Sampled=", StringComparison.Ordinal))
            {
                sampled = part[8..] is "1";
            }
        }

        // Root = "1-" + 8 hex (epoch) + "-" + 24 hex.
        if (root.Length != 35 || root[0] != '1' || root[1] != '-' || root[10] != '-' || parentId.Length != 16
            || !IsHex(root[2..10]) || !IsHex(root[11..]) || !IsHex(parentId))
        {
            return false;
        }

        Span<char> traceId = stackalloc char[32];
        root[2..10].CopyTo(traceId);
        root[11..].CopyTo(traceId[8..]);
        parent = new ActivityContext(
            ActivityTraceId.CreateFromString(traceId),
            ActivitySpanId.CreateFromString(parentId),
            sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
            isRemote: true);
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> value) => !value.ContainsAnyExcept("0123456789abcdefABCDEF");
}
