namespace Tenancy.Observability.Logging;

/// <summary>The state of <see cref="LoggerEventExtensions.LogIncomingEvent"/>: an event's raw JSON.</summary>
internal sealed class IncomingEvent(string json)
{
    public string Json { get; } = json ?? string.Empty;

    public override string ToString() => Json;
}
