using System.Linq;
using System.Text;

namespace Tenancy.Generators.Model;

/// <summary>A parsed key template such as <c>ORDER#{Id}</c>.</summary>
internal sealed record KeyTemplate(string Text, EquatableArray<KeyPart> Parts)
{
    /// <summary>The literal text before the first placeholder; identifies the entity type in queries.</summary>
    public string LiteralPrefix
    {
        get
        {
            var prefix = new StringBuilder();
            foreach (var part in Parts)
            {
                if (!part.IsLiteral)
                {
                    break;
                }

                prefix.Append(part.Literal);
            }

            return prefix.ToString();
        }
    }

    public bool IsEmpty => Parts.Count == 0;

    public EquatableArray<KeyPart> Placeholders => Parts.Where(p => !p.IsLiteral).ToEquatableArray();
}
