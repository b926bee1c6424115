using Tenancy.Api.Tests.Infrastructure;
using Tenancy.Local.Build;
using Tenancy.Local.Functions;

namespace Tenancy.Api.Tests;

/// <summary>The API publishes as a Native-AOT <c>bootstrap</c> with no trim or AOT warning; the e2e tests run that binary.</summary>
[Collection(LocalApiCollection.Name)]
public sealed class AotPublishTests
{
    private readonly LocalApiFixture _fixture;

    public AotPublishTests(LocalApiFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Publishes_with_zero_IL2xxx_or_IL3xxx_and_is_the_binary_under_test()
    {
        var publish = _fixture.Publish ?? await LocalApiPublisher.PublishAotAsync();
        Assert.True(publish.ExitCode == 0, publish.Log);
        Assert.Empty(publish.TrimAndAotWarnings);
        Assert.True(File.Exists(publish.BootstrapPath));
        Assert.True(new FileInfo(publish.BootstrapPath).Length > 1_000_000, "a native executable, not a managed stub");
        if (_fixture.Publish is not null)
        {
            var underTest = _fixture.ThroughGateway ? _fixture.BootstrapOverrides[TemplateFunctionReader.ApiFunctionLogicalId] : _fixture.Launch.FileName;
            Assert.Equal(Path.GetFullPath(publish.BootstrapPath), Path.GetFullPath(underTest));
        }
    }
}
