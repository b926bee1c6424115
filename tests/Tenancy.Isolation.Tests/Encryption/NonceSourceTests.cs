using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation.Tests.Encryption;

/// <summary>The buffered nonce source never repeats a nonce, across buffer refills and threads.</summary>
public sealed class NonceSourceTests
{
    [Fact]
    public void Nonces_are_distinct_across_refills_and_threads()
    {
        var perThread = Enumerable.Range(0, 4).Select(_ => new List<string>()).ToArray();
        var threads = perThread.Select(list => new Thread(() =>
        {
            Span<byte> nonce = stackalloc byte[EncryptedFieldFormat.NonceSize];
            for (var i = 0; i < 5_000; i++)
            {
                NonceSource.Fill(nonce);
                list.Add(Convert.ToHexString(nonce));
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var all = perThread.SelectMany(list => list).ToList();
        Assert.Equal(20_000, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(Convert.ToHexString(new byte[EncryptedFieldFormat.NonceSize]), all);
    }
}
