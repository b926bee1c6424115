using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Tenancy.Testing.Fakes;

/// <summary>
/// NOT an STS stand-in: a counting fake used only to test the cache's concurrency and failure mechanics
/// (single-flight, refresh timing, serving a valid session when renewal fails) where the real local STS cannot be
/// made to stall or fail on cue. What STS records and enforces is tested against LocalCloud.
/// </summary>
public sealed class CountingFakeStsForConcurrencyMechanics(TimeProvider time) : AmazonSecurityTokenServiceClient(
    new AnonymousAWSCredentials(), new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.USEast1 })
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<AssumeRoleRequest> Requests { get; } = [];

    /// <summary>When set, every call waits for it (to pile up concurrent callers).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, calls fail with it.</summary>
    public Exception? Failure { get; set; }

    public override async Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        lock (Requests)
        {
            Requests.Add(request);
        }

        if (Gate is { } gate)
        {
            await gate.Task.ConfigureAwait(false);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var n = Calls;
        return new AssumeRoleResponse
        {
            Credentials = new Credentials
            {
                AccessKeyId = $"ASIAFAKE{n:D8}",
                SecretAccessKey = $"secret-{n}",
                SessionToken = $"token-{n}",
                Expiration = time.GetUtcNow().AddSeconds(request.DurationSeconds ?? 3600).UtcDateTime,
            },
        };
    }
}
