using System.Collections;
using Microsoft.Extensions.Logging;
using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests.Logging;

public sealed class LogNeverThrowsTests
{
    [Fact]
    public void A_value_whose_ToString_throws_becomes_a_placeholder_and_the_line_is_still_written()
    {
        var log = new TestLogger();

        log.Create().LogInformation("Order {Order}", new ExplodingToString());

        using var line = log.Output.ParseAll().Single();
        Assert.Equal("<InvalidOperationException while formatting value>", line.RootElement.GetProperty("Order").GetString());
        Assert.Equal(0, log.Provider.WriteFailures);
    }

    [Fact]
    public void A_collection_that_throws_while_enumerating_is_closed_with_a_placeholder()
    {
        var log = new TestLogger();

        log.Create().LogInformation("{Items} {After}", new ExplodingSequence(), "still here");

        using var line = log.Output.ParseAll().Single();
        var items = line.RootElement.GetProperty("Items").EnumerateArray().Select(e => e.ToString()).ToArray();
        Assert.Equal(["1", "2", "<InvalidOperationException while formatting value>"], items);
        Assert.Equal("still here", line.RootElement.GetProperty("After").GetString());
    }

    [Fact]
    public void A_self_referencing_collection_is_cut_off_at_the_depth_limit()
    {
        var log = new TestLogger();
        var loop = new List<object?>();
        loop.Add(loop);

        log.Create().LogInformation("{Loop}", loop);

        using var line = log.Output.ParseAll().Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Array, line.RootElement.GetProperty("Loop").ValueKind);
    }

    [Fact]
    public void Lone_surrogates_are_replaced_instead_of_failing_the_line()
    {
        var log = new TestLogger();

        log.Create().LogInformation("bad \uD800 text {Value}", "\uDC00x");

        using var line = log.Output.ParseAll().Single();
        Assert.Equal("bad \uFFFD text \uFFFDx", line.RootElement.GetProperty("message").GetString());
        Assert.Equal("\uFFFDx", line.RootElement.GetProperty("Value").GetString());
    }

    [Fact]
    public void A_throwing_formatter_yields_a_placeholder_message()
    {
        var log = new TestLogger();

        log.Create().Log(LogLevel.Information, default, "state", null, (_, _) => throw new FormatException("broken"));

        using var line = log.Output.ParseAll().Single();
        Assert.Equal("<FormatException while formatting message>", line.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void An_exception_whose_members_throw_is_still_written()
    {
        var log = new TestLogger();

        log.Create().LogError(new HostileException(), "hostile");

        using var line = log.Output.ParseAll().Single();
        Assert.Equal("<NotSupportedException while formatting value>", line.RootElement.GetProperty("exception").GetProperty("message").GetString());
    }

    [Fact]
    public void A_failing_output_is_swallowed_and_counted()
    {
        var broken = new BrokenWriter();
        var log = new TestLogger(configure: o => o.Output = broken);
        var logger = log.Create();

        var thrown = Record.Exception(() =>
        {
            logger.LogInformation("one");
            logger.LogError(new InvalidOperationException(), "two");
        });

        Assert.Null(thrown);
        Assert.Equal(4, log.Provider.WriteFailures);
    }

    private sealed class ExplodingToString
    {
        public override string ToString() => throw new InvalidOperationException("nope");
    }

    private sealed class ExplodingSequence : IEnumerable
    {
        public IEnumerator GetEnumerator()
        {
            yield return 1;
            yield return 2;
            throw new InvalidOperationException("enumeration failed");
        }
    }

    private sealed class HostileException : Exception
    {
        public override string Message => throw new NotSupportedException();

        public override string? StackTrace => throw new NotSupportedException();
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("stdout closed");
    }
}
