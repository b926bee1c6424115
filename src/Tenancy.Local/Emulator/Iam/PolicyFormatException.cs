namespace Tenancy.Local.Emulator.Iam;

/// <summary>A policy document the local IAM cannot read faithfully (unknown element or operator).</summary>
public sealed class PolicyFormatException : Exception
{
    public PolicyFormatException(string message)
        : base(message)
    {
    }

    public PolicyFormatException()
    {
    }

    public PolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
