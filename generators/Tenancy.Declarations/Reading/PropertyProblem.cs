using Microsoft.CodeAnalysis;

namespace Tenancy.Declarations.Reading;

/// <summary>A problem of a stored type; <see cref="Property"/> is null when it concerns the type itself.</summary>
internal sealed class PropertyProblem
{
    public PropertyProblem(IPropertySymbol? property, string message)
    {
        Property = property;
        Message = message;
    }

    public IPropertySymbol? Property { get; }

    public string Message { get; }
}
