using ContainerNetLib.Importer.Cli;

return await CommandRunner.RunAsync(args, Console.Out, Console.Error);
