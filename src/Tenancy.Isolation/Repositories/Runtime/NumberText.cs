using System.ComponentModel;
using System.Globalization;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>Invariant, round-trip text of the numbers DynamoDB stores as <c>N</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NumberText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(byte value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(sbyte value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(short value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(ushort value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(int value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(uint value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(long value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(ulong value) => value.ToString(Invariant);

    /// <summary>Invariant number text for an <c>N</c> attribute.</summary>
    public static string Of(decimal value) => value.ToString(Invariant);

    /// <summary>Shortest round-trip text; DynamoDB has no NaN or infinity, so those are refused.</summary>
    public static string Of(float value) =>
        float.IsFinite(value) ? value.ToString("R", Invariant) : throw new ArgumentOutOfRangeException(nameof(value), value, "DynamoDB numbers cannot be NaN or infinite.");

    /// <summary>Round-trip number text for an <c>N</c> attribute.</summary>
    public static string Of(double value) =>
        double.IsFinite(value) ? value.ToString("R", Invariant) : throw new ArgumentOutOfRangeException(nameof(value), value, "DynamoDB numbers cannot be NaN or infinite.");

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static byte ToByte(string text) => byte.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static sbyte ToSByte(string text) => sbyte.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static short ToInt16(string text) => short.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static ushort ToUInt16(string text) => ushort.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static int ToInt32(string text) => int.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static uint ToUInt32(string text) => uint.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static long ToInt64(string text) => long.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static ulong ToUInt64(string text) => ulong.Parse(text, NumberStyles.Integer, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static decimal ToDecimal(string text) => decimal.Parse(text, NumberStyles.Float, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static float ToSingle(string text) => float.Parse(text, NumberStyles.Float, Invariant);

    /// <summary>Parses invariant <c>N</c> attribute text.</summary>
    public static double ToDouble(string text) => double.Parse(text, NumberStyles.Float, Invariant);
}
