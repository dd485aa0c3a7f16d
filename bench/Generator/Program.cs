using ContainerNetLib.Bench.Generator;

// usage: Generator <entries> <sections> <out-file> [seed]
var entries = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var sections = args.Length > 1 ? int.Parse(args[1]) : 200;
var output = args.Length > 2 ? args[2] : "bench/out/synthetic-100k.md";
var seed = args.Length > 3 ? int.Parse(args[3]) : 20261127;

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await using var writer = new StreamWriter(output);
var written = new SyntheticList(new Random(seed)).Write(writer, entries, sections);
Console.Error.WriteLine($"wrote {written} entries in {sections} sections to {output} ({new FileInfo(output).Length / 1024} KiB)");
