using Tenancy.Testing;

namespace Tenancy.Workflows.Tests.Static;

/// <summary>The real cfn-lint (SAM transform included) accepts template.yaml with no error and no warning.</summary>
public sealed class TemplateLintTests
{
    [Fact]
    public void Template_has_no_cfn_lint_errors_or_warnings()
    {
        Assert.True(ExternalTool.IsOnPath("cfn-lint"), "cfn-lint must be installed (the project's machines and CI have it).");

        var (exitCode, output) = ExternalTool.Run("cfn-lint", RepositoryFiles.Root, "template.yaml");

        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; 0 means nothing at all.
        Assert.True(exitCode == 0, $"cfn-lint template.yaml exited {exitCode}:\n{output}");
    }
}
