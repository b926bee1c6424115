// The local cloud's entry point: see LocalCloudProgram.
return await Tenancy.Local.Hosting.LocalCloudProgram.RunAsync(args).ConfigureAwait(false);
