using Tenancy.Local.Functions;

namespace Tenancy.Local.Run.Invoke;

/// <summary>
/// <c>invoke &lt;LogicalId&gt; [--event file] [--env-vars file] [--template file]</c>, like <c>sam local invoke -e -n</c>:
/// the response payload alone on stdout; the function's logs and Lambda's <c>REPORT</c> line on stderr; exit code 1
/// on a function error, a timeout or an init error, 2 on a usage error.
/// </summary>
public static class InvokeCommand
{
    public const string Name = "invoke";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TryParse(args, out var logicalId, out var options, out var problem))
        {
            await stderr.WriteLineAsync(problem).ConfigureAwait(false);
            await stderr.WriteLineAsync("usage: invoke <LogicalId> [--event <file>] [--env-vars <file>] [--template <file>]").ConfigureAwait(false);
            return 2;
        }

        byte[] payload;
        EnvVarsFile envVars;
        try
        {
            payload = options.TryGetValue("--event", out var eventPath) ? await File.ReadAllBytesAsync(eventPath, cancellationToken).ConfigureAwait(false) : "{}"u8.ToArray();
            envVars = options.TryGetValue("--env-vars", out var envPath) ? EnvVarsFile.Load(envPath) : EnvVarsFile.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            await stderr.WriteLineAsync($"Error: {exception.Message}").ConfigureAwait(false);
            return 2;
        }

        var writeLock = new Lock();
        void Log(string line)
        {
            lock (writeLock)
            {
                stderr.WriteLine(line);
            }
        }

        LocalInvocationReport report;
        var invoker = CreateInvoker(options, envVars, Log);
        if (invoker is null)
        {
            return 2;
        }

        await using (invoker.ConfigureAwait(false))
        {
            if (!invoker.Functions.TryGetValue(logicalId, out var function))
            {
                Log($"Error: the template has no function '{logicalId}' (functions: {string.Join(", ", invoker.Functions.Keys)}).");
                return 2;
            }

            Log($"Invoking {function.Handler} of {logicalId} ({function.ProjectName}, provided.al2023, {function.MemorySizeMb} MB, {function.TimeoutSeconds} s)");
            report = await invoker.InvokeWithReportAsync(logicalId, payload, cancellationToken).ConfigureAwait(false);
        }

        // The environment is shut down by now, so every line it wrote is out before the REPORT line.
        Log(report.ReportLine);
        if (report.Result.IsFunctionError)
        {
            Log($"{logicalId} failed: {report.Result.FunctionErrorType}");
        }

        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(report.Result.Payload.Span)).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return report.Result.IsFunctionError ? 1 : 0;

        LocalFunctionInvoker? CreateInvoker(IReadOnlyDictionary<string, string> settings, EnvVarsFile variables, Action<string> log)
        {
            try
            {
                var root = RepositoryRoot.Find();
                var templatePath = settings.GetValueOrDefault("--template") ?? (root is null ? "template.yaml" : Path.Combine(root, "template.yaml"));
                var probe = TemplateFunctionReader.Read(templatePath);
                return new LocalFunctionInvoker(new LocalFunctionInvokerOptions
                {
                    TemplatePath = templatePath,
                    FunctionEnvironmentOverrides = variables.Merged(probe.Keys),
                    LogSink = (_, line) => log(line),
                    BuildLog = log,
                    MaxConcurrencyPerFunction = 1,
                });
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or InvalidOperationException)
            {
                log($"Error: {exception.Message}");
                return null;
            }
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out string logicalId, out Dictionary<string, string> options, out string problem)
    {
        logicalId = string.Empty;
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--event" or "-e" or "--env-vars" or "-n" or "--template" or "-t")
            {
                if (i + 1 >= args.Count)
                {
                    problem = $"{arg} needs a file.";
                    return false;
                }

                options[arg switch { "-e" => "--event", "-n" => "--env-vars", "-t" => "--template", _ => arg }] = args[++i];
            }
            else if (arg.StartsWith('-') || logicalId.Length > 0)
            {
                problem = $"Unexpected argument '{arg}'.";
                return false;
            }
            else
            {
                logicalId = arg;
            }
        }

        if (logicalId.Length == 0)
        {
            problem = "Name the function to invoke (its logical id in template.yaml).";
            return false;
        }

        return true;
    }
}
