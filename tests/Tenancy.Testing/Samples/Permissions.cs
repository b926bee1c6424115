namespace Tenancy.Testing.Samples;

[Flags]
public enum Permissions : byte
{
    None = 0,
    Read = 1,
    Write = 2,
}
