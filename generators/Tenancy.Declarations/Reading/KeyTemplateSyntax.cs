using System;
using System.Collections.Generic;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// A key template split into <c>#</c>-delimited segments, each literal text or exactly one <c>{Property}</c>
/// placeholder, with what is wrong with its form. The tenant segment is never part of a template: the generator
/// always writes <c>TENANT#&lt;id&gt;</c> first, so a segment that is exactly <c>TENANT</c> (any case) or a tenant
/// placeholder is refused. Only whole segments are compared: <c>TENANTS#{Id}</c> renders as
/// <c>TENANT#&lt;id&gt;#TENANTS#…</c>, whose tenant segment is still the generator's own.
/// </summary>
internal sealed class KeyTemplateSyntax
{
    public const char Delimiter = '#';

    private KeyTemplateSyntax(string text, IReadOnlyList<KeySegment> segments, string? error, string? tenantViolation)
    {
        Text = text;
        Segments = segments;
        Error = error;
        TenantViolation = tenantViolation;
    }

    public string Text { get; }

    public IReadOnlyList<KeySegment> Segments { get; }

    /// <summary>Why the template is malformed (TNT002), or null.</summary>
    public string? Error { get; }

    /// <summary>Why the template tries to place or omit the tenant segment (TNT006), or null.</summary>
    public string? TenantViolation { get; }

    public bool StartsWithLiteral => Segments.Count > 0 && !Segments[0].IsPlaceholder;

    public static bool IsTenantPlaceholder(string placeholder) =>
        string.Equals(placeholder, "TenantId", StringComparison.OrdinalIgnoreCase)
        || string.Equals(placeholder, "Tenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="text"/>; an empty template is only valid where <paramref name="mayBeEmpty"/>.</summary>
    public static KeyTemplateSyntax Parse(string text, bool mayBeEmpty)
    {
        if (text.Length == 0)
        {
            return new KeyTemplateSyntax(text, Array.Empty<KeySegment>(), mayBeEmpty ? null : "is empty", null);
        }

        if (text.Trim().Length == 0)
        {
            return new KeyTemplateSyntax(text, Array.Empty<KeySegment>(), "is blank", null);
        }

        var parts = text.Split(Delimiter);
        var segments = new List<KeySegment>(parts.Length);
        string? error = null;
        string? tenant = null;
        if (parts[0].Length == 0)
        {
            tenant = "starts with an empty segment ('#'), which would splice into the tenant segment";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                if (i > 0)
                {
                    error ??= "has an empty segment (two '#' in a row or a trailing '#')";
                }

                continue;
            }

            var segment = ParseSegment(part, out var segmentError);
            if (segmentError is not null)
            {
                error ??= segmentError;
                continue;
            }

            segments.Add(segment);
            if (segment.IsPlaceholder && IsTenantPlaceholder(segment.Value))
            {
                tenant ??= "has a placeholder '{" + segment.Value + "}' for the tenant; the tenant segment is added from the TenantScope";
            }
            else if (!segment.IsPlaceholder && string.Equals(segment.Value.Trim(), "TENANT", StringComparison.OrdinalIgnoreCase))
            {
                tenant ??= "has a literal '" + segment.Value + "' segment; the tenant segment TENANT#<id> is added from the TenantScope";
            }
        }

        return new KeyTemplateSyntax(text, segments, error, tenant);
    }

    private static KeySegment ParseSegment(string part, out string? error)
    {
        error = null;
        var open = part.IndexOf('{');
        var close = part.IndexOf('}');
        if (open < 0 && close < 0)
        {
            foreach (var c in part)
            {
                if (char.IsControl(c))
                {
                    error = "has a control character in literal segment '" + Escape(part) + "'";
                    return default;
                }
            }

            return new KeySegment(part, isPlaceholder: false);
        }

        if (open != 0 || close != part.Length - 1 || part.IndexOf('{', 1) >= 0 || part.IndexOf('}') != close)
        {
            error = "has segment '" + part + "' with unbalanced or misplaced braces; a segment is literal text or exactly one {Property}";
            return default;
        }

        var name = part.Substring(1, part.Length - 2).Trim();
        if (name.Length == 0)
        {
            error = "has an empty placeholder '{}'";
            return default;
        }

        return new KeySegment(name, isPlaceholder: true);
    }

    private static string Escape(string value) => value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
