namespace Tenancy.Observability.Tests.Support;

/// <summary>A fixed environment for one test.</summary>
internal static class Env
{
    public static DictionaryEnvironmentReader Of(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    public static DictionaryEnvironmentReader Empty => Of();
}
