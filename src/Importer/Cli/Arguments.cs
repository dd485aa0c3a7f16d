namespace ContainerNetLib.Importer.Cli;

public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The command line: a command word, positional arguments, <c>--flags</c> and <c>--option value</c>.
/// Options that take a value are declared by the command that reads them.
/// </summary>
public sealed class Arguments
{
    private readonly List<string> _rest;
    private readonly HashSet<string> _used = [];

    public Arguments(string[] args)
    {
        Command = args.Length > 0 ? args[0] : null;
        _rest = args.Skip(1).ToList();
    }

    public string? Command { get; }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _rest.Contains(name);
    }

    public string? Option(string name)
    {
        _used.Add(name);
        var index = _rest.IndexOf(name);
        if (index < 0) return null;
        if (index + 1 >= _rest.Count || _rest[index + 1].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException($"{name} needs a value");
        _used.Add(_rest[index + 1]);
        return _rest[index + 1];
    }

    /// <summary>Every value of an option that may repeat: --url a --url b.</summary>
    public List<string> Options(string name)
    {
        _used.Add(name);
        var values = new List<string>();
        for (var i = 0; i < _rest.Count; i++)
        {
            if (_rest[i] != name) continue;
            if (i + 1 >= _rest.Count || _rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"{name} needs a value");
            _used.Add(_rest[i + 1]);
            values.Add(_rest[i + 1]);
        }
        return values;
    }

    public List<string> Positional()
    {
        var values = new List<string>();
        for (var i = 0; i < _rest.Count; i++)
        {
            if (_rest[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!_used.Contains(_rest[i])) throw new UsageException($"unknown option '{_rest[i]}'");
                continue;
            }
            if (i > 0 && _rest[i - 1].StartsWith("--", StringComparison.Ordinal) && _used.Contains(_rest[i])) continue;
            values.Add(_rest[i]);
        }
        return values;
    }
}
