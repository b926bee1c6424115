using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Checks a key template (form, tenant segment, placeholders) against the entity's stored properties and turns it
/// into a <see cref="KeyTemplate"/>. Each placeholder fills a whole segment and <c>#</c> is banned from key values,
/// so the rendered key is unambiguous.
/// </summary>
internal static class KeyTemplateReader
{
    /// <summary>The template, or null when it has problems (added to <paramref name="problems"/>).</summary>
    public static KeyTemplate? Read(
        KeyTemplateSyntax syntax,
        string role,
        string entityName,
        IReadOnlyDictionary<string, StoredMember> properties,
        Location location,
        ProblemList problems)
    {
        var valid = true;
        if (syntax.TenantViolation is not null)
        {
            problems.Add(DiagnosticIds.TemplatePlacesTenant, location, $"The {role} template '{syntax.Text}' of '{entityName}' {syntax.TenantViolation}");
            valid = false;
        }

        if (syntax.Error is not null)
        {
            problems.Invalid(location, $"The {role} template '{syntax.Text}' of '{entityName}' {syntax.Error}");
            return null;
        }

        foreach (var segment in syntax.Segments)
        {
            if (!segment.IsPlaceholder || (syntax.TenantViolation is not null && KeyTemplateSyntax.IsTenantPlaceholder(segment.Value)))
            {
                continue;
            }

            valid &= CheckPlaceholder(segment.Value, role, syntax.Text, entityName, properties, location, problems);
        }

        return valid ? Build(syntax, properties) : null;
    }

    private static bool CheckPlaceholder(string placeholder, string role, string text, string entityName, IReadOnlyDictionary<string, StoredMember> properties, Location location, ProblemList problems)
    {
        if (!properties.TryGetValue(placeholder, out var property))
        {
            problems.Invalid(location, $"The {role} template '{text}' refers to '{{{placeholder}}}', which is not a stored property of '{entityName}'");
            return false;
        }

        var valid = true;
        if (!IsKeyType(property.Spec.Type))
        {
            problems.Invalid(location, $"Key placeholder '{{{placeholder}}}' has type '{property.Symbol.Type.ToDisplayString()}'; key values must be non-nullable strings, integers, enums, Guid, DateTime or DateTimeOffset");
            valid = false;
        }

        if (property.Spec.IsEncrypted)
        {
            problems.Invalid(location, $"Key placeholder '{{{placeholder}}}' refers to [Encrypted] property '{property.Name}'; encrypted values cannot be part of a key");
            valid = false;
        }

        if (property.Spec.IsVersion)
        {
            problems.Invalid(location, $"Key placeholder '{{{placeholder}}}' refers to the [ConcurrencyVersion] property '{property.Name}', which changes on every update");
            valid = false;
        }

        return valid;
    }

    /// <summary>A key value becomes one segment: it must always be present and have one canonical text form.</summary>
    private static bool IsKeyType(ValueTypeSpec type) =>
        !type.IsNullable && type.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Enum => true,
            ValueKind.Number => type.NumberName is "Int32" or "Int64",
            _ => false,
        };

    /// <summary>Literal text (delimiters included) between placeholders, e.g. <c>A#{X}#{Y}</c> as <c>"A#", X, "#", Y</c>.</summary>
    private static KeyTemplate Build(KeyTemplateSyntax syntax, IReadOnlyDictionary<string, StoredMember> properties)
    {
        var parts = new List<KeyPart>();
        var literal = new StringBuilder();
        for (var i = 0; i < syntax.Segments.Count; i++)
        {
            var segment = syntax.Segments[i];
            if (segment.IsPlaceholder)
            {
                if (literal.Length > 0)
                {
                    parts.Add(Literal(literal));
                }

                var type = properties[segment.Value].Spec.Type;
                parts.Add(new KeyPart(null, segment.Value, type.Kind, type.HelperSuffix, type.NonNullTypeName));
            }
            else
            {
                literal.Append(segment.Value);
            }

            if (i < syntax.Segments.Count - 1)
            {
                literal.Append(KeyTemplateSyntax.Delimiter);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(Literal(literal));
        }

        return new KeyTemplate(syntax.Text, parts.ToEquatableArray());
    }

    private static KeyPart Literal(StringBuilder literal)
    {
        var part = new KeyPart(literal.ToString(), null, ValueKind.String, null, null);
        literal.Clear();
        return part;
    }
}
