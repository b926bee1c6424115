namespace Tenancy.Generators.Emitting;

/// <summary>Builds one-line C# expressions from parts, so emitters name each argument instead of writing one long string.</summary>
internal static class Code
{
    public static string Call(string callee, params string[] arguments) => callee + "(" + string.Join(", ", arguments) + ")";

    /// <summary><c>new T { A = a, B = b }</c> on one line.</summary>
    public static string New(string type, params string[] assignments) => "new " + type + " { " + string.Join(", ", assignments) + " }";

    public static string Assign(string member, string value) => member + " = " + value;

    public static string Await(string call) => "await " + call + ".ConfigureAwait(false)";

    /// <summary>A method header: <c>modifiers ReturnType Name(parameters)</c>.</summary>
    public static string Method(string modifiers, string returnType, string name, params string[] parameters) =>
        modifiers + " " + returnType + " " + Call(name, parameters);
}
