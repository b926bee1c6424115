using System.Text;
using System.Text.Json;

namespace Tenancy.Observability.Tests.Support;

/// <summary>A TextWriter that records what the logger or metrics wrote, split into lines.</summary>
internal sealed class CapturedOutput : StringWriter
{
    public CapturedOutput()
        : base(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            string text;
            lock (this)
            {
                text = ToString();
            }

            Assert.True(text.Length == 0 || text.EndsWith('\n'), "every write must end with a newline");
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    public string SingleLine() => Assert.Single(Lines);

    public JsonDocument[] ParseAll() => Lines.Select(line => JsonDocument.Parse(line)).ToArray();
}
