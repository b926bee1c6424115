namespace Tenancy.Declarations.Problems;

/// <summary>Diagnostic property keys the code fixes read.</summary>
internal static class FixKinds
{
    /// <summary>Property key naming the fix that applies to a TNT002 diagnostic.</summary>
    public const string FixKey = "TenancyFix";

    /// <summary>TNT002: the repository interface declaration lacks <c>partial</c>.</summary>
    public const string MakePartial = "MakePartial";

    /// <summary>TNT001: index of an existing TenantScope parameter to move first; absent when there is none.</summary>
    public const string ScopeIndexKey = "ScopeIndex";
}
