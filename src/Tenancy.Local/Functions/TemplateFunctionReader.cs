using System.Globalization;
using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Functions;

/// <summary>
/// Reads the <c>AWS::Serverless::Function</c> resources of a template with <c>Globals.Function</c> applied. Every
/// function is built by the Makefile (<c>BuildMethod: makefile</c>): <c>ApiFunction</c> from <c>src/Tenancy.Api</c>,
/// every other function from the one control-plane bootstrap in <c>src/Tenancy.ControlPlane</c>. Environment values
/// that need a parameter without a default (and no override) are left out, as an unresolvable value would be.
/// </summary>
public static class TemplateFunctionReader
{
    public const string ApiFunctionLogicalId = "ApiFunction";
    private const int LambdaDefaultMemoryMb = 128;
    private const int LambdaDefaultTimeoutSeconds = 3;

    public static IReadOnlyDictionary<string, TemplateFunction> Read(string templatePath, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        var root = CloudFormationYaml.Load(templatePath);
        var resolver = new IntrinsicResolver(root, parameterOverrides);
        var globals = (root.GetValueOrDefault("Globals") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Function") as IReadOnlyDictionary<string, object?>
            ?? new Dictionary<string, object?>();
        var resources = root.GetValueOrDefault("Resources") as IReadOnlyDictionary<string, object?>
            ?? throw new InvalidDataException($"{templatePath} has no Resources.");

        var functions = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        foreach (var (logicalId, node) in resources)
        {
            if (node is not IReadOnlyDictionary<string, object?> resource || resource.GetValueOrDefault("Type") as string != "AWS::Serverless::Function")
            {
                continue;
            }

            var properties = resource.GetValueOrDefault("Properties") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
            functions[logicalId] = new TemplateFunction(
                logicalId,
                Setting(properties, globals, "Handler") is { } handler ? resolver.ResolveString(handler) : "bootstrap",
                string.Equals(logicalId, ApiFunctionLogicalId, StringComparison.Ordinal) ? "Tenancy.Api" : "Tenancy.ControlPlane",
                Number(resolver, Setting(properties, globals, "MemorySize"), LambdaDefaultMemoryMb),
                Number(resolver, Setting(properties, globals, "Timeout"), LambdaDefaultTimeoutSeconds),
                Environment(resolver, properties, globals));
        }

        return functions;
    }

    private static object? Setting(IReadOnlyDictionary<string, object?> properties, IReadOnlyDictionary<string, object?> globals, string name) =>
        properties.GetValueOrDefault(name) ?? globals.GetValueOrDefault(name);

    private static int Number(IntrinsicResolver resolver, object? node, int fallback) =>
        node is null ? fallback : int.Parse(resolver.ResolveString(node), NumberStyles.Integer, CultureInfo.InvariantCulture);

    // Globals' variables first, the function's own win, as SAM merges them.
    private static Dictionary<string, string> Environment(IntrinsicResolver resolver, IReadOnlyDictionary<string, object?> properties, IReadOnlyDictionary<string, object?> globals)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { globals, properties })
        {
            var variables = (source.GetValueOrDefault("Environment") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Variables") as IReadOnlyDictionary<string, object?>;
            foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            {
                try
                {
                    environment[name] = resolver.ResolveString(value);
                }
                catch (InvalidDataException)
                {
                    environment.Remove(name);
                }
            }
        }

        return environment;
    }
}
