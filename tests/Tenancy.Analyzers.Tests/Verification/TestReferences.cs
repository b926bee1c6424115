using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Tenancy.Analyzers.Tests.Verification;

/// <summary>
/// What the test compilations reference: the .NET 10 reference assemblies from Basic.Reference.Assemblies (no
/// download at test time), the AWS SDK assemblies and Tenancy.Isolation.
/// </summary>
internal static class TestReferences
{
    /// <summary>An empty set: the framework resolves nothing from NuGet; everything comes from <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Build();

    private static ImmutableArray<MetadataReference> Build()
    {
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        references.AddRange(Basic.Reference.Assemblies.Net100.References.All);

        // Model types (not the clients) locate the SDK assemblies, so this file itself is clean under TNT003.
        foreach (var type in new[]
        {
            typeof(Amazon.Runtime.AWSCredentials),
            typeof(Amazon.DynamoDBv2.Model.AttributeValue),
            typeof(Amazon.S3.Model.GetObjectRequest),
            typeof(Amazon.KeyManagementService.Model.EncryptRequest),
            typeof(Isolation.TenantId),
        })
        {
            references.Add(MetadataReference.CreateFromFile(type.Assembly.Location));
        }

        return references.ToImmutable();
    }
}
