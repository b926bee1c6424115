using Tenancy.Local.Emulator.Processes;
using Tenancy.Local.Functions;
using Tenancy.Local.Run.Invoke;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Functions;

/// <summary>
/// Builds invokers over the repository's template with env.json's variables, except that the issuer's keys point
/// at a closed loopback port, so nothing outside the test is reached.
/// </summary>
internal static class ApiFunctionInvoker
{
    public static LocalFunctionInvoker Create(
        IReadOnlyDictionary<string, string>? extraApiVariables = null,
        IReadOnlyDictionary<string, string>? bootstrapOverrides = null,
        int? timeoutSeconds = null,
        IReadOnlyDictionary<string, string>? commonEnvironment = null,
        int maxConcurrency = 4)
    {
        var envVars = EnvVarsFile.Load(RepositoryFiles.PathOf("env.json"));
        var functions = TemplateFunctionReader.Read(RepositoryFiles.PathOf("template.yaml"));
        var overrides = envVars.Merged(functions.Keys).ToDictionary(
            f => f.Key,
            f =>
            {
                var variables = new Dictionary<string, string>(f.Value, StringComparer.Ordinal)
                {
                    ["TENANCY_JWKS_URI"] = $"http://127.0.0.1:{LoopbackPorts.Free()}/jwks.json",
                };
                foreach (var (name, value) in commonEnvironment ?? new Dictionary<string, string>())
                {
                    variables[name] = value;
                }

                foreach (var (name, value) in extraApiVariables ?? new Dictionary<string, string>())
                {
                    variables[name] = value;
                }

                return (IReadOnlyDictionary<string, string>)variables;
            },
            StringComparer.Ordinal);
        return new LocalFunctionInvoker(new LocalFunctionInvokerOptions
        {
            RepositoryRoot = RepositoryFiles.Root,
            FunctionEnvironmentOverrides = overrides,
            BootstrapOverrides = bootstrapOverrides ?? new Dictionary<string, string>(),
            TimeoutSecondsOverride = timeoutSeconds,
            MaxConcurrencyPerFunction = maxConcurrency,
        });
    }
}
