// The local cloud's entry point; later issues grow it into STS, KMS, the issuer and the API.
Console.WriteLine("Tenancy.Local");
