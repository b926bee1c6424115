using Tenancy.Local.Tests.AwsCli;
using Tenancy.Local.Tests.Cloud;

namespace Tenancy.Local.Tests.Events;

/// <summary>EventBridge PutEvents through the real AWS CLI: accepted events are recorded, bad entries fail alone.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class EventBridgeCliTests
{
    private readonly LocalCloudFixture _fixture;

    public EventBridgeCliTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Events_are_recorded_and_a_malformed_entry_fails_alone()
    {
        var entries = """
            [
              {"Source": "tenancy.control-plane", "DetailType": "TenantOnboarded", "Detail": "{\"tenantId\":\"initech\",\"tier\":\"Basic\"}", "Resources": ["arn:aws:states:us-east-1:000000000000:execution:onboarding:initech"]},
              {"Source": "tenancy.control-plane", "DetailType": "TenantOnboarded", "Detail": "{not json"},
              {"Source": "tenancy.control-plane", "Detail": "{}"}
            ]
            """;
        var result = (await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, "events", "put-events", "--entries", entries)).Json;

        Assert.Equal(2, (int)result["FailedEntryCount"]!);
        var answers = result["Entries"]!.AsArray();
        var eventId = (string)answers[0]!["EventId"]!;
        Assert.Equal("MalformedDetail", (string)answers[1]!["ErrorCode"]!);
        Assert.Equal("InvalidArgument", (string)answers[2]!["ErrorCode"]!);

        var recorded = _fixture.Cloud.Events.OfType("TenantOnboarded").Single(e => e.EventId == eventId);
        Assert.Equal("default", recorded.EventBusName);
        Assert.Equal("tenancy.control-plane", recorded.Source);
        Assert.Equal("initech", (string)recorded.Detail["tenantId"]!);
        Assert.Equal("arn:aws:states:us-east-1:000000000000:execution:onboarding:initech", Assert.Single(recorded.Resources));
    }

    [Fact]
    public async Task Callers_without_events_permissions_are_denied_and_nothing_is_recorded()
    {
        var before = _fixture.Cloud.Events.Events.Count;
        var denied = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "events", "put-events", "--entries", """[{"Source":"tenancy.api","DetailType":"Sneaky","Detail":"{}"}]""");
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal(before, _fixture.Cloud.Events.Events.Count);

        var tooMany = string.Join(',', Enumerable.Repeat("""{"Source":"s","DetailType":"d","Detail":"{}"}""", 11));
        var rejected = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, "events", "put-events", "--entries", $"[{tooMany}]");
        Assert.False(rejected.Succeeded);
        Assert.Equal(before, _fixture.Cloud.Events.Events.Count);
    }
}
