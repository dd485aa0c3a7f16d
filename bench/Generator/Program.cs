using ContainerNetLib.Bench.Generator;

// usage: Generator <entries> <sections> <out-file> [seed]
//        Generator copies <list-file> <every-nth-entry> <words> <most> <out-csv> [seed]
if (args.Length > 0 && args[0] == "copies")
{
    using var list = new StreamReader(args[1]);
    await using (var csv = new StreamWriter(args[5]))
    {
        var copies = new SyntheticCopies(new Random(args.Length > 6 ? int.Parse(args[6]) : 20261130))
            .Write(list, csv, int.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4]));
        Console.Error.WriteLine($"wrote {copies} copies to {args[5]}");
    }
    Console.Error.WriteLine($"{new FileInfo(args[5]).Length / 1024 / 1024} MiB");
    return;
}

var entries = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var sections = args.Length > 1 ? int.Parse(args[1]) : 200;
var output = args.Length > 2 ? args[2] : "bench/out/synthetic-100k.md";
var seed = args.Length > 3 ? int.Parse(args[3]) : 20261127;

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await using var writer = new StreamWriter(output);
var written = new SyntheticList(new Random(seed)).Write(writer, entries, sections);
Console.Error.WriteLine($"wrote {written} entries in {sections} sections to {output} ({new FileInfo(output).Length / 1024} KiB)");
