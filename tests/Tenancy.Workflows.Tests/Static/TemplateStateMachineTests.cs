using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Testing;
using YamlDotNet.RepresentationModel;

namespace Tenancy.Workflows.Tests.Static;

/// <summary>template.yaml deploys each definition as SAM expects, with exactly the substitutions it uses and least-privilege roles.</summary>
public sealed class TemplateStateMachineTests
{
    private static readonly YamlMappingNode Resources = LoadResources();

    public static TheoryData<string> StateMachines() => ["OnboardingStateMachine", "OffboardingStateMachine", "MeteringCloseStateMachine", "TierChangeStateMachine"];

    [Theory]
    [MemberData(nameof(StateMachines))]
    public void Substitution_keys_match_the_placeholders_of_the_definition(string logicalId)
    {
        var properties = Properties(logicalId);
        var definitionUri = Scalar(properties, "DefinitionUri");
        Assert.StartsWith("statemachines/", definitionUri, StringComparison.Ordinal);

        var placeholders = DefinitionSubstitutions.NamesIn(File.ReadAllText(RepositoryFiles.PathOf(definitionUri)));
        var substitutions = ((YamlMappingNode)properties.Children[new YamlScalarNode("DefinitionSubstitutions")]).Children.Keys
            .Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(placeholders);
        Assert.Equal(placeholders.Order(StringComparer.Ordinal), substitutions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StateMachines))]
    public void State_machines_are_standard_traced_and_never_log_execution_data(string logicalId)
    {
        var properties = Properties(logicalId);

        Assert.Equal("STANDARD", Scalar(properties, "Type"));
        Assert.Equal("true", Scalar((YamlMappingNode)properties.Children[new YamlScalarNode("Tracing")], "Enabled"));
        var logging = (YamlMappingNode)properties.Children[new YamlScalarNode("Logging")];
        Assert.Equal("false", Scalar(logging, "IncludeExecutionData"));
    }

    [Theory]
    [InlineData("OnboardingStateMachine")]
    [InlineData("OffboardingStateMachine")]
    [InlineData("RegistryFunction")]
    [InlineData("PooledDataDeletionFunction")]
    [InlineData("TenantObjectsDeletionFunction")]
    [InlineData("AuthorizerFunction")]
    [InlineData("PreTokenGenerationFunction")]
    [InlineData("UsageAggregatorFunction")]
    [InlineData("UsageCloseFunction")]
    [InlineData("UsagePublishedFunction")]
    [InlineData("UsageQueryFunction")]
    [InlineData("TierChangeFunction")]
    [InlineData("TierChangeStateMachine")]
    public void Control_plane_policies_name_every_action(string logicalId)
    {
        var statements = ((YamlSequenceNode)Properties(logicalId).Children[new YamlScalarNode("Policies")]).Children
            .SelectMany(p => ((YamlSequenceNode)((YamlMappingNode)p).Children[new YamlScalarNode("Statement")]).Children)
            .Cast<YamlMappingNode>()
            .ToList();

        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            var actions = statement.Children[new YamlScalarNode("Action")] switch
            {
                YamlSequenceNode list => list.Children.Select(a => ((YamlScalarNode)a).Value!).ToList(),
                var single => new List<string> { ((YamlScalarNode)single).Value! },
            };
            Assert.All(actions, a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void User_pool_client_cannot_write_the_tenant_attribute_and_the_pool_runs_the_v2_trigger()
    {
        var client = Properties("UserPoolClient");
        var writable = ((YamlSequenceNode)client.Children[new YamlScalarNode("WriteAttributes")]).Children.Select(a => ((YamlScalarNode)a).Value!);
        Assert.DoesNotContain("custom:tenantID", writable);

        var pool = Properties("UserPool");
        Assert.Equal("ESSENTIALS", Scalar(pool, "UserPoolTier"));
        var trigger = (YamlMappingNode)((YamlMappingNode)pool.Children[new YamlScalarNode("LambdaConfig")]).Children[new YamlScalarNode("PreTokenGenerationConfig")];
        Assert.Equal("V2_0", Scalar(trigger, "LambdaVersion"));
        var tenantAttribute = ((YamlSequenceNode)pool.Children[new YamlScalarNode("Schema")]).Children.Cast<YamlMappingNode>().Single(a => Scalar(a, "Name") == "tenantID");
        Assert.Equal("false", Scalar(tenantAttribute, "Mutable"));
    }

    [Fact]
    public void Tenant_api_takes_the_api_key_from_the_authorizer_and_requires_it()
    {
        var api = Properties("TenantApi");
        Assert.Equal("AUTHORIZER", Scalar(api, "ApiKeySourceType"));
        Assert.Equal("true", Scalar((YamlMappingNode)api.Children[new YamlScalarNode("Auth")], "ApiKeyRequired"));
    }

    private static YamlMappingNode Properties(string logicalId) =>
        (YamlMappingNode)((YamlMappingNode)Resources.Children[new YamlScalarNode(logicalId)]).Children[new YamlScalarNode("Properties")];

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    private static YamlMappingNode LoadResources()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryFiles.PathOf("template.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("Resources")];
    }
}
