using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Testing;

namespace Tenancy.Workflows.Tests.Static;

/// <summary>asl-validator (npm, installed by the project into .tools) accepts every state machine definition.</summary>
public sealed class AslValidatorTests
{
    [Fact]
    public async Task Every_state_machine_definition_is_valid_amazon_states_language()
    {
        var tools = await StepFunctionsToolsInstallation.EnsureInstalledAsync();
        var definitions = StateMachineFiles.All();
        Assert.Equal(["metering-close.asl.json", "offboarding.asl.json", "onboarding.asl.json", "tier-change.asl.json"], StateMachineFiles.Names());

        var arguments = new List<string> { tools.ValidatorPath };
        foreach (var definition in definitions)
        {
            arguments.Add("--json-path");
            arguments.Add(definition);
        }

        var (exitCode, output) = ExternalTool.Run("node", RepositoryFiles.Root, [.. arguments]);

        Assert.True(exitCode == 0, $"asl-validator exited {exitCode}:\n{output}");
        foreach (var definition in definitions)
        {
            Assert.Contains($"\"{definition}\" is valid", output, StringComparison.Ordinal);
        }
    }
}
