using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Tenancy.Api.OpenApi;

/// <summary>
/// Whether this process is the build-time OpenAPI document tool running the app's entry point. Only then are the
/// OpenAPI services registered: a build that generates the document sets the feature switch, every other build
/// (the AOT publish included) sets it off, so the trimmer removes the OpenAPI code and Lambda init never sees it.
/// </summary>
internal static class OpenApiDocumentGeneration
{
    internal const string SwitchName = "Tenancy.Api.OpenApiDocumentGeneration.IsSupported";

    /// <summary>The name of the assembly the document tool (Microsoft.Extensions.ApiDescription.Server) runs as.</summary>
    private const string DocumentToolAssembly = "GetDocument.Insider";

    [FeatureSwitchDefinition(SwitchName)]
    internal static bool IsSupported => AppContext.TryGetSwitch(SwitchName, out var enabled) && enabled;

    /// <summary>
    /// The document tool is the entry assembly. Callers test <see cref="IsSupported"/> first, in the same condition, so
    /// the trimmer sees a constant and drops the branch.
    /// </summary>
    internal static bool IsToolRunning => Assembly.GetEntryAssembly()?.GetName().Name == DocumentToolAssembly;
}
