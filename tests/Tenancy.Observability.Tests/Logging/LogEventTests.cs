using Tenancy.Observability.Logging;
using Tenancy.Observability.Tests.Support;
using Tenancy.Testing.Events;

namespace Tenancy.Observability.Tests.Logging;

public sealed class LogEventTests
{
    private const string EventPath = "api/http-v2/http-v2_basic__aws-lambda-dotnet-events.json";

    [Fact]
    public void Events_are_not_logged_unless_switched_on()
    {
        var log = new TestLogger();

        log.Create().LogIncomingEvent(SampleEvents.Read(EventPath));

        Assert.Empty(log.Output.Lines);
    }

    [Fact]
    public void With_the_environment_switch_the_event_is_the_message_object()
    {
        var json = SampleEvents.Read(EventPath);
        var log = new TestLogger(Env.Of((EnvironmentVariableNames.LoggerLogEvent, "true")));

        log.Create().LogIncomingEvent(json);

        using var line = log.Output.ParseAll().Single();
        var message = line.RootElement.GetProperty("message");
        using var original = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, message.ValueKind);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(original.RootElement, message));
    }

    [Fact]
    public void Text_that_is_not_json_is_logged_as_a_string()
    {
        var log = new TestLogger(configure: o => o.LogEvent = true);

        log.Create().LogIncomingEvent("{not json");

        using var line = log.Output.ParseAll().Single();
        Assert.Equal("{not json", line.RootElement.GetProperty("message").GetString());
    }
}
