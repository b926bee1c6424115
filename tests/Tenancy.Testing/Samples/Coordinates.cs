namespace Tenancy.Testing.Samples;

public readonly record struct Coordinates(double Latitude, double Longitude);
