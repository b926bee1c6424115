using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers;

/// <summary>
/// The TNT rules. All are errors that cannot be configured away: <see cref="WellKnownDiagnosticTags.NotConfigurable"/>
/// makes the compiler ignore <c>#pragma</c>, <c>[SuppressMessage]</c>, <c>NoWarn</c>, rulesets and .editorconfig
/// severities for them, and TNT007 reports every attempt anyway.
/// </summary>
internal static class TenancyDiagnostics
{
    public const string Category = "Tenancy.Isolation";

    // Repository-relative: the help pages ship in the repository next to the code (docs/diagnostics).
    private const string HelpLinkBase = "docs/diagnostics/";

    private static readonly string[] IsolationTags = { WellKnownDiagnosticTags.NotConfigurable };

    private static readonly string[] CompilationEndTags = { WellKnownDiagnosticTags.NotConfigurable, "CompilationEnd" };

    public static readonly DiagnosticDescriptor MissingTenantScope = Create(
        "TNT001",
        "Repository method must take a TenantScope first",
        "Repository method '{0}' must take a TenantScope as its first parameter",
        "Every method of a [TenantRepository] interface takes the TenantScope first, so every key the generated code builds comes from the scope's tenant.");

    public static readonly DiagnosticDescriptor InvalidDeclaration = Create(
        "TNT002",
        "Invalid tenant repository or entity declaration",
        "{0}",
        "The generator only implements repository interfaces and entities that follow the documented conventions; it shares this reader with the analyzers and implements nothing that has a TNT error, so the declaration must be fixed.");

    public static readonly DiagnosticDescriptor RawDataStoreClient = Create(
        "TNT003",
        "Raw data-store client used outside generated code",
        "{0}",
        "DynamoDB, S3 and KMS clients may only be used by the Tenancy generator's own output and by assemblies that declare [assembly: ControlPlaneAssembly(\"<review>\")]; anywhere else they bypass the tenant keys.");

    public static readonly DiagnosticDescriptor ScanOrPartiQL = Create(
        "TNT004",
        "Scan or PartiQL reads across tenants",
        "{0} reads every tenant's items and is not allowed outside a control-plane assembly",
        "A Scan (including a parallel scan) or a PartiQL statement reads the whole table, i.e. every tenant's items, before any filter applies.");

    public static readonly DiagnosticDescriptor IndexNotTenantPrefixed = Create(
        "TNT005",
        "Index partition key is not tenant-prefixed",
        "{0}",
        "A tenant index's partition key attribute must be written only by the generator, as TENANT#<id>#<template>; any other attribute would put every tenant's items into shared partitions.");

    public static readonly DiagnosticDescriptor TemplatePlacesTenant = Create(
        "TNT006",
        "Key template places or omits the tenant segment",
        "{0}",
        "The generator always writes the tenant segment TENANT#<id> first; a key template must not contain a TENANT segment, a tenant placeholder or an empty leading segment.");

    public static readonly DiagnosticDescriptor SuppressionAttempt = Create(
        "TNT007",
        "TNT diagnostics cannot be suppressed",
        "{0}",
        "Tenant-isolation diagnostics are not configurable; an attempt to suppress one or lower its severity is itself an error.");

    public static readonly DiagnosticDescriptor ProjectionNamesSensitiveOrUnknown = Create(
        "TNT008",
        "Projection names a sensitive or unknown property",
        "{0}",
        "A [TenantProjection] may only name stored, non-sensitive properties of its entity; a [Sensitive] or [Encrypted] property, or a name the entity does not store, would ask a narrower role for attributes it must not read or that do not exist.");

    /// <summary>TNT007 for compilation-wide settings, reported when the whole compilation has been seen.</summary>
    public static readonly DiagnosticDescriptor SuppressionAttemptInOptions = Create(
        "TNT007",
        "TNT diagnostics cannot be suppressed",
        "{0}",
        "Tenant-isolation diagnostics are not configurable; an attempt to suppress one or lower its severity is itself an error.",
        CompilationEndTags);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, string[]? tags = null) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: tags ?? IsolationTags);
}
