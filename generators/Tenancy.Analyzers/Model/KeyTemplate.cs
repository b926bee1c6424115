using System.Collections.Generic;
using System.Collections.Immutable;

namespace Tenancy.Analyzers.Model;

/// <summary>
/// A parsed key template: segments joined by <c>#</c>, each either literal text or exactly one <c>{Property}</c>
/// placeholder. The tenant segment is never part of a template; the generator always writes it first.
/// </summary>
internal sealed class KeyTemplate
{
    public const char Delimiter = '#';

    private KeyTemplate(string text, ImmutableArray<KeySegment> segments, string? error, string? tenantViolation)
    {
        Text = text;
        Segments = segments;
        Error = error;
        TenantViolation = tenantViolation;
    }

    public string Text { get; }

    public ImmutableArray<KeySegment> Segments { get; }

    /// <summary>Why the template is malformed (TNT002), or null.</summary>
    public string? Error { get; }

    /// <summary>Why the template tries to place or omit the tenant segment (TNT006), or null.</summary>
    public string? TenantViolation { get; }

    public bool IsValid => Error is null && TenantViolation is null;

    public IEnumerable<string> Placeholders
    {
        get
        {
            foreach (var segment in Segments)
            {
                if (segment.IsPlaceholder)
                {
                    yield return segment.Value;
                }
            }
        }
    }

    public bool StartsWithLiteral => Segments.Length > 0 && !Segments[0].IsPlaceholder;

    /// <summary>Parses <paramref name="text"/>; an empty template is only valid where <paramref name="mayBeEmpty"/>.</summary>
    public static KeyTemplate Parse(string text, bool mayBeEmpty)
    {
        if (text.Length == 0)
        {
            return new KeyTemplate(text, ImmutableArray<KeySegment>.Empty, mayBeEmpty ? null : "is empty", null);
        }

        if (text.Trim().Length == 0)
        {
            return new KeyTemplate(text, ImmutableArray<KeySegment>.Empty, "is blank", null);
        }

        var parts = text.Split(Delimiter);
        var segments = ImmutableArray.CreateBuilder<KeySegment>(parts.Length);
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
            if (segment.IsPlaceholder && IsTenantName(segment.Value))
            {
                tenant ??= "has a placeholder '{" + segment.Value + "}' for the tenant; the tenant segment is added from the TenantScope";
            }
            else if (!segment.IsPlaceholder && string.Equals(segment.Value.Trim(), "TENANT", System.StringComparison.OrdinalIgnoreCase))
            {
                tenant ??= "has a literal '" + segment.Value + "' segment; the tenant segment TENANT#<id> is added from the TenantScope";
            }
        }

        return new KeyTemplate(text, segments.ToImmutable(), error, tenant);
    }

    private static bool IsTenantName(string placeholder) =>
        string.Equals(placeholder, "TenantId", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(placeholder, "Tenant", System.StringComparison.OrdinalIgnoreCase);

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

internal readonly struct KeySegment
{
    public KeySegment(string value, bool isPlaceholder)
    {
        Value = value;
        IsPlaceholder = isPlaceholder;
    }

    public string Value { get; }

    public bool IsPlaceholder { get; }
}
