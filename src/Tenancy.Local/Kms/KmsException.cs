namespace Tenancy.Local.Kms;

/// <summary>A KMS error with the <c>__type</c> AWS returns (e.g. <c>InvalidCiphertextException</c>).</summary>
public sealed class KmsException : Exception
{
    public KmsException(string type, string message)
        : base(message)
    {
        Type = type;
    }

    public KmsException()
    {
        Type = "KMSInternalException";
    }

    public KmsException(string message)
        : base(message)
    {
        Type = "KMSInternalException";
    }

    public KmsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Type = "KMSInternalException";
    }

    public string Type { get; }
}
