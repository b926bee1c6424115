namespace Tenancy.Observability;

/// <summary>Extracts the X-Ray trace id (the <c>Root=</c> part) from a <c>_X_AMZN_TRACE_ID</c>-style header.</summary>
internal static class XRayTraceId
{
    // The header is the same string for every line of an invocation: remember the last answer.
    private static Tuple<string, string?>? _last;

    public static string? FromHeader(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Item1, header))
        {
            return last.Item2;
        }

        var root = Parse(header);
        Volatile.Write(ref _last, Tuple.Create(header, root));
        return root;
    }

    private static string? Parse(string header)
    {
        foreach (var range in header.AsSpan().Split(';'))
        {
            var part = header.AsSpan(range).Trim();
            if (part.StartsWith("Root=", StringComparison.Ordinal))
            {
                return part[5..].ToString();
            }
        }

        // Powertools reports the first segment when there is no Root= part.
        var first = header.AsSpan();
        var semicolon = first.IndexOf(';');
        var value = (semicolon >= 0 ? first[..semicolon] : first).Trim();
        return value.IsEmpty ? null : value.ToString();
    }
}
