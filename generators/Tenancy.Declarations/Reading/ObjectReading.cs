using System.Collections.Generic;

namespace Tenancy.Declarations.Reading;

/// <summary>The stored properties of one type as read, and what is wrong with it (empty when it can be stored).</summary>
internal sealed class ObjectReading
{
    public ObjectReading(IReadOnlyList<StoredMember> stored, IReadOnlyList<PropertyProblem> problems)
    {
        Stored = stored;
        Problems = problems;
    }

    public IReadOnlyList<StoredMember> Stored { get; }

    public IReadOnlyList<PropertyProblem> Problems { get; }
}
