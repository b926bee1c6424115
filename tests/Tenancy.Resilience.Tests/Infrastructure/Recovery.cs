using System.Net;

namespace Tenancy.Resilience.Tests.Infrastructure;

/// <summary>
/// Repeats a request until it succeeds, the way a client retries a 503: the API has to recover on its own once the
/// dependency is back. Bounded by attempts (a pause between them), not by a timed assertion.
/// </summary>
public static class Recovery
{
    public static async Task<(HttpResponseMessage Response, int Attempts)> UntilAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, int maxAttempts = 120, int pauseMilliseconds = 500)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode == expected || attempt == maxAttempts)
            {
                return (response, attempt);
            }

            Assert.True(
                response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Unauthorized,
                $"while recovering: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            response.Dispose();
            await Task.Delay(pauseMilliseconds);
        }
    }
}
