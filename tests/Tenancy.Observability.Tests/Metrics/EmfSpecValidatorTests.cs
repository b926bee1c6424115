using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests.Metrics;

/// <summary>The validator must be able to fail: it rejects documents that break each rule.</summary>
public sealed class EmfSpecValidatorTests
{
    private const string Valid = """{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M","Unit":"Count","StorageResolution":60}]}]},"D":"x","M":[1,2]}""";

    [Fact]
    public void A_valid_document_passes() => Assert.Empty(EmfSpecValidator.Validate(Valid));

    [Theory]
    [InlineData("""[1]""", "root node must be a JSON object")]
    [InlineData("""{"M":1}""", "must contain the object member _aws")]
    [InlineData("""{"_aws":{"Timestamp":1795815015,"CloudWatchMetrics":[]}}""", "not in milliseconds")]
    [InlineData("""{"_aws":{"Timestamp":1.5,"CloudWatchMetrics":[]}}""", "must be an integer")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[],"Extra":1}}""", "must not contain the member 'Extra'")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[]}]}}""", "at least one DimensionSet")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"","Dimensions":[[]],"Metrics":[]}]}}""", "Namespace must be a string of 1 to 255")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[]}]}}""", "dimension 'D' is not a root member")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[]}]},"D":1}""", "must have a string value")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]}}""", "metric 'M' is not a root member")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M","Unit":"Parsecs"}]}]},"M":1}""", "not a CloudWatch unit")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M","StorageResolution":30}]}]},"M":1}""", "only 1 or 60")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":"1"}""", "must be a number or an array of numbers")]
    [InlineData("""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M","Other":1}]}]},"M":1}""", "must not contain the member 'Other'")]
    public void Documents_breaking_a_rule_are_rejected(string document, string expected)
    {
        var errors = EmfSpecValidator.Validate(document);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_count_limits_are_enforced()
    {
        var definitions = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"Name":"M{{i}}"}"""));
        var members = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"M{i}\":1"));
        var dimensions = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"D{i}\""));
        var dimensionMembers = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"D{i}\":\"v\""));
        var values = string.Join(",", Enumerable.Range(0, 101));

        var tooManyMetrics = $$"""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{{definitions}}]}]},{{members}}}""";
        var tooManyDimensions = $$"""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[{{dimensions}}]],"Metrics":[]}]},{{dimensionMembers}}}""";
        var tooManyValues = $$"""{"_aws":{"Timestamp":1795815015123,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":[{{values}}]}""";

        Assert.Contains(EmfSpecValidator.Validate(tooManyMetrics), e => e.Contains("the limit is 100", StringComparison.Ordinal));
        Assert.Contains(EmfSpecValidator.Validate(tooManyDimensions), e => e.Contains("the limit is 30", StringComparison.Ordinal));
        Assert.Contains(EmfSpecValidator.Validate(tooManyValues), e => e.Contains("101 values; the limit is 100", StringComparison.Ordinal));
    }
}
