using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tenancy.Declarations.Reading;

/// <summary>Points diagnostics at the exact attribute argument that is wrong.</summary>
internal static class AttributeLocations
{
    /// <summary>The named argument <paramref name="name"/>, else the positional argument at <paramref name="position"/>, else the attribute.</summary>
    public static Location Of(AttributeData attribute, string? name, int position, ISymbol fallback)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return FirstLocation(fallback);
        }

        if (syntax.ArgumentList is not { } arguments)
        {
            return syntax.GetLocation();
        }

        // Named property arguments first: a wrong PartitionKeyAttributeName points at itself, not at the index name.
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is { } property && property.Name.Identifier.ValueText == name)
            {
                return argument.GetLocation();
            }
        }

        var positional = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            var matchesByName = argument.NameColon is { } parameter && string.Equals(parameter.Name.Identifier.ValueText, name, System.StringComparison.OrdinalIgnoreCase);
            if (matchesByName || (argument.NameColon is null && positional == position))
            {
                return argument.GetLocation();
            }

            positional++;
        }

        return syntax.GetLocation();
    }

    public static Location FirstLocation(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return Location.None;
    }

    /// <summary>The property's own declaration when it is in source, else the entity's.</summary>
    public static Location OfProperty(IPropertySymbol property, ISymbol entity)
    {
        var location = FirstLocation(property);
        return location.IsInSource ? location : FirstLocation(entity);
    }
}
