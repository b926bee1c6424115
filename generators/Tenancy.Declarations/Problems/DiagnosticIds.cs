namespace Tenancy.Declarations.Problems;

/// <summary>The TNT rules the declaration reader can find; the analyzers own their descriptors.</summary>
internal static class DiagnosticIds
{
    public const string MissingTenantScope = "TNT001";
    public const string InvalidDeclaration = "TNT002";
    public const string IndexNotTenantPrefixed = "TNT005";
    public const string TemplatePlacesTenant = "TNT006";
    public const string ProjectionNamesSensitiveOrUnknown = "TNT008";
}
