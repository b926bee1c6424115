using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>Header handling shared by both payload formats. Values are never split on commas.</summary>
internal static class RequestHeaders
{
    public static void AddSingle(IHeaderDictionary target, Dictionary<string, string?>? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                target[name] = value;
            }
        }
    }

    public static void AddMulti(IHeaderDictionary target, Dictionary<string, List<string?>?> headers)
    {
        foreach (var (name, values) in headers)
        {
            if (values is { Count: > 0 })
            {
                target[name] = values.Count == 1 ? new StringValues(values[0]) : new StringValues(values.ToArray());
            }
        }
    }

    /// <summary><c>X-Forwarded-Port</c>, looked up case-insensitively and parsed leniently (garbage → 0, not an exception).</summary>
    public static int ForwardedPort(IHeaderDictionary headers) =>
        int.TryParse(headers["X-Forwarded-Port"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 0;
}
