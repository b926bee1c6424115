using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Parsing;

/// <summary>
/// Parses key templates: literal text and <c>{Property}</c> placeholders. Each placeholder must fill a whole
/// <c>#</c>-delimited segment, so (with <c>#</c> banned from values) the rendered key is unambiguous. A template
/// must not contain the tenant segment itself (<c>TENANT…</c>) — the generator always adds it.
/// </summary>
internal static class KeyTemplateParser
{
    public static KeyTemplate? Parse(string? text, IReadOnlyDictionary<string, PropertySpec> properties, bool allowEmpty)
    {
        if (text is null || text.Length == 0)
        {
            return allowEmpty ? new KeyTemplate(string.Empty, EquatableArray<KeyPart>.Empty) : null;
        }

        if (text.StartsWith("TENANT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = new List<KeyPart>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                if (end < 0)
                {
                    return null;
                }

                var name = text.Substring(i + 1, end - i - 1);
                var precededByDelimiter = literal.Length > 0 ? literal[literal.Length - 1] == '#' : parts.Count == 0;
                var followedByDelimiter = end + 1 == text.Length || text[end + 1] == '#';
                if (!precededByDelimiter || !followedByDelimiter || !SyntaxFacts.IsValidIdentifier(name)
                    || !properties.TryGetValue(name, out var property) || Placeholder(property) is not { } placeholder)
                {
                    return null;
                }

                if (literal.Length > 0)
                {
                    parts.Add(new KeyPart(literal.ToString(), null, ValueKind.String, null, null));
                    literal.Clear();
                }

                parts.Add(placeholder);
                i = end;
            }
            else if (c == '}' || char.IsControl(c))
            {
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(new KeyPart(literal.ToString(), null, ValueKind.String, null, null));
        }

        return new KeyTemplate(text, parts.ToEquatableArray());
    }

    private static KeyPart? Placeholder(PropertySpec property)
    {
        var type = property.Type;
        if (property.IsEncrypted || (type.IsNullable && type.IsValueType))
        {
            return null;
        }

        var supported = type.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Enum => true,
            ValueKind.Number => type.NumberName is "Int32" or "Int64",
            _ => false,
        };
        return supported ? new KeyPart(null, property.Name, type.Kind, type.HelperSuffix, type.NonNullTypeName) : null;
    }
}
