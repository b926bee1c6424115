using Tenancy.Testing;
using YamlDotNet.RepresentationModel;

namespace Tenancy.Workflows.Tests.Static;

/// <summary>
/// template.yaml watches the five failure modes of the runbooks: each has an alarm to the alarm topic, and each alarm on a
/// custom metric has the metric filter that produces it; the metering pipeline is wired to the API's own log group.
/// </summary>
public sealed class OperationsTemplateTests
{
    private static readonly YamlMappingNode Resources = LoadResources();

    [Theory]
    [InlineData("PlatformAccessDeniedAlarm", "docs/runbooks.md#1-cross-tenant-access-suspected")]
    [InlineData("BasicThrottlingAlarm", "docs/runbooks.md#2-noisy-neighbour")]
    [InlineData("PremiumThrottlingAlarm", "docs/runbooks.md#2-noisy-neighbour")]
    [InlineData("OnboardingFailedAlarm", "docs/runbooks.md#3-onboarding-failed-or-stuck")]
    [InlineData("OnboardingTimedOutAlarm", "docs/runbooks.md#3-onboarding-failed-or-stuck")]
    [InlineData("TenantDataUnreadableAlarm", "docs/runbooks.md#4-tenant-data-unreadable")]
    [InlineData("MissingTenantContextAlarm", "docs/runbooks.md#5-missing-tenant-context")]
    [InlineData("OffboardingFailedAlarm", "docs/runbooks.md#6-lifecycle-workflow-failed")]
    [InlineData("TierChangeFailedAlarm", "docs/runbooks.md#6-lifecycle-workflow-failed")]
    [InlineData("MeteringCloseFailedAlarm", "docs/runbooks.md#6-lifecycle-workflow-failed")]
    public void Each_failure_mode_alarms_to_the_topic_with_its_runbook(string alarm, string runbook)
    {
        var properties = Properties(alarm);
        Assert.Equal("AWS::CloudWatch::Alarm", Type(alarm));
        var actions = (YamlSequenceNode)properties.Children[new YamlScalarNode("AlarmActions")];
        Assert.Contains(actions.Children, action => action is YamlScalarNode { Tag.Value: "!Ref", Value: "AlarmTopic" });
        Assert.Contains(runbook, Scalar(properties, "AlarmDescription"), StringComparison.Ordinal);
        var anchor = runbook.Split('#')[1];
        var runbookText = File.ReadAllText(RepositoryFiles.PathOf("docs/runbooks.md"));
        Assert.Contains(anchor, runbookText.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(Anchor));

        var metric = Scalar(properties, "MetricName");
        if (Scalar(properties, "Namespace") == "Tenancy/Operations")
        {
            var filters = Resources.Children.Where(r => Type(((YamlScalarNode)r.Key).Value!) == "AWS::Logs::MetricFilter").Select(r => (YamlMappingNode)((YamlMappingNode)r.Value).Children[new YamlScalarNode("Properties")]);
            Assert.Contains(filters, filter => ((YamlSequenceNode)filter.Children[new YamlScalarNode("MetricTransformations")]).Children
                .Cast<YamlMappingNode>().Any(t => Scalar(t, "MetricName") == metric && Scalar(t, "MetricNamespace") == "Tenancy/Operations"));
        }
        else
        {
            Assert.Equal("AWS/States", Scalar(properties, "Namespace"));
        }
    }

    [Fact]
    public void Metric_filters_match_fields_the_api_actually_logs()
    {
        // The problem middleware logs ProblemType and ErrorCode as fields; usage lines carry _tenancy_usage.
        var middleware = File.ReadAllText(RepositoryFiles.PathOf("src/Tenancy.Api/Problems/ProblemDetailsMiddleware.cs"));
        Assert.Contains("{ProblemType}", middleware, StringComparison.Ordinal);
        Assert.Contains("{ErrorCode}", middleware, StringComparison.Ordinal);
        Assert.Equal("{ $.ErrorCode = \"AccessDenied*\" }", Scalar(Properties("PlatformAccessDeniedFilter"), "FilterPattern"));
        Assert.Equal("{ $._tenancy_usage = 1 }", Scalar(Properties("UsageSubscription"), "FilterPattern"));
    }

    [Fact]
    public void The_usage_subscription_feeds_the_aggregator_from_the_api_log_group()
    {
        var subscription = Properties("UsageSubscription");
        Assert.Equal("ApiFunctionLogs", ((YamlScalarNode)subscription.Children[new YamlScalarNode("LogGroupName")]).Value);
        Assert.Equal("UsageAggregatorFunction.Arn", ((YamlScalarNode)subscription.Children[new YamlScalarNode("DestinationArn")]).Value);
        var logging = (YamlMappingNode)Properties("ApiFunction").Children[new YamlScalarNode("LoggingConfig")];
        Assert.Equal("ApiFunctionLogs", ((YamlScalarNode)logging.Children[new YamlScalarNode("LogGroup")]).Value);
        Assert.Equal("usage-aggregator", Scalar(Properties("UsageAggregatorFunction"), "Handler"));
    }

    [Fact]
    public void Every_function_built_by_the_makefile_has_its_target()
    {
        // `sam build` runs `make build-<LogicalId>` for each function with BuildMethod makefile.
        var makefile = File.ReadAllText(RepositoryFiles.PathOf("Makefile"));
        var functions = Resources.Children
            .Where(r => Type(((YamlScalarNode)r.Key).Value!) == "AWS::Serverless::Function")
            .Select(r => ((YamlScalarNode)r.Key).Value!)
            .ToList();

        Assert.True(functions.Count >= 10, $"only {functions.Count} functions found");
        Assert.All(functions, function => Assert.Matches($@"(?m)(^|\s)build-{function}(\s|:|$)", makefile));
    }

    private static string Anchor(string heading) =>
        new string(heading[3..].Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-').ToArray()).Replace(' ', '-');

    private static string Type(string logicalId) =>
        ((YamlScalarNode)((YamlMappingNode)Resources.Children[new YamlScalarNode(logicalId)]).Children[new YamlScalarNode("Type")]).Value!;

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
