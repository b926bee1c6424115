using System.Globalization;
using System.Text;
using CsCheck;

namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>
/// Spellings of a tenant id an attacker tries in place of it: the id itself, case variants, Unicode confusables
/// (Cyrillic and full-width look-alikes, combining marks, zero-width characters), padding and control characters,
/// percent-encoding, and key-segment injection (<c>#</c>, <c>/</c>, <c>..</c>).
/// </summary>
public static class TenantIdVariants
{
    private static readonly Dictionary<char, char> Cyrillic = new()
    {
        ['a'] = '\u0430',
        ['c'] = '\u0441',
        ['e'] = '\u0435',
        ['o'] = '\u043E',
        ['p'] = '\u0440',
        ['x'] = '\u0445',
        ['i'] = '\u0456',
        ['h'] = '\u04BB',
    };

    private static readonly Func<string, string, int, string>[] Spellings =
    [
        (id, _, _) => id,
        (id, _, _) => id.ToUpperInvariant(),
        (id, _, n) => MixedCase(id, n),
        (id, _, n) => Confusable(id, n),
        (id, _, _) => FullWidth(id),
        (id, _, n) => id.Insert(n % (id.Length + 1), "\u200B"),
        (id, _, n) => id.Insert(n % (id.Length + 1), "\u0301"),
        (id, _, _) => id + " ",
        (id, _, _) => " " + id,
        (id, _, _) => id + "\0",
        (id, _, _) => id + "\t",
        (id, _, _) => "%" + ((int)id[0]).ToString("x2", CultureInfo.InvariantCulture) + id[1..],
        (id, own, _) => id + "#" + own,
        (id, own, _) => own + "/../" + id,
        (id, _, n) => id + "#ORDER#" + n.ToString(CultureInfo.InvariantCulture),
        (id, _, _) => id + "*",
        (id, _, _) => id[..^1],
        (id, _, _) => id + "-",
        (id, _, _) => id.Normalize(NormalizationForm.FormD) + "\u0307",
        (id, _, _) => "TENANT#" + id,
    ];

    public static int Count => Spellings.Length;

    public static string Spell(string id, string attacker, int spelling, int salt) =>
        Spellings[spelling % Spellings.Length](id, attacker, salt);

    /// <summary>(target tenant, spelled id, salt) for targets drawn from <paramref name="targets"/>.</summary>
    public static Gen<(string Target, string Spelled, int Salt)> For(string attacker, params string[] targets) =>
        Gen.Select(Gen.OneOf(targets), Gen.Int[0, Spellings.Length - 1], Gen.Int[0, 1_000_000], (target, spelling, salt) =>
            (target, Spell(target, attacker, spelling, salt), salt));

    private static string MixedCase(string id, int salt)
    {
        var chars = id.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (((salt >> (i % 20)) & 1) == 1 || i == salt % chars.Length)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static string Confusable(string id, int salt)
    {
        var positions = Enumerable.Range(0, id.Length).Where(i => Cyrillic.ContainsKey(id[i])).ToList();
        if (positions.Count == 0)
        {
            return FullWidth(id);
        }

        var at = positions[salt % positions.Count];
        return id[..at] + Cyrillic[id[at]] + id[(at + 1)..];
    }

    private static string FullWidth(string id) =>
        new(id.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c).ToArray());
}
