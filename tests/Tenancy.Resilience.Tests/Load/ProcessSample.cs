using System.Globalization;

namespace Tenancy.Resilience.Tests.Load;

/// <summary>Resident memory and open file descriptors (sockets included) of a process at one moment, from <c>/proc</c>.</summary>
public sealed record ProcessSample(TimeSpan Elapsed, long RssKiB, int Handles)
{
    public static ProcessSample? Read(int processId, TimeSpan elapsed)
    {
        try
        {
            long rss = 0;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    break;
                }
            }

            var handles = Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd").Count();
            return new ProcessSample(elapsed, rss, handles);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
