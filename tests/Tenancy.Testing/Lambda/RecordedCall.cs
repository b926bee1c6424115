namespace Tenancy.Testing.Lambda;

/// <summary>One post the runtime made, and the status the fake answered.</summary>
public sealed record RecordedCall(string Kind, string RequestId, byte[] Body, IReadOnlyDictionary<string, string> Headers, int StatusReturned)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
