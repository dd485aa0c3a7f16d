using System.Globalization;
using System.Text;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// A line whose ending differs from its file's dominant one: its zero-based number at import and a fingerprint of its
/// text. Edits move lines, so the ending goes to the line with that text nearest to where the line should now be.
/// </summary>
public sealed record LineEndingException(int Line, LineEnding Ending, uint Fingerprint)
{
    /// <summary>How far (in lines) from where it was expected an exception's line is still looked for.</summary>
    private const int Reach = 1000;

    /// <summary>The compact stored form: one "line ending fingerprint" per line, e.g. "12 CrLf 9b1f04c2".</summary>
    public static string Format(IEnumerable<LineEndingException> exceptions) =>
        string.Concat(exceptions.Select(e => $"{e.Line.ToString(CultureInfo.InvariantCulture)} {e.Ending} " +
            $"{e.Fingerprint.ToString("x8", CultureInfo.InvariantCulture)}\n"));

    public static IReadOnlyList<LineEndingException> Parse(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).Select(parts =>
            new LineEndingException(int.Parse(parts[0], CultureInfo.InvariantCulture), Enum.Parse<LineEnding>(parts[1]),
                uint.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToList();

    /// <summary>
    /// <paramref name="text"/>'s LF lines ended with <paramref name="dominant"/>, except each exception's line.
    /// Where lines were added or removed above it, the offset learnt from the exception before it says where to look.
    /// </summary>
    internal static string Apply(string text, LineEnding dominant, IReadOnlyList<LineEndingException> exceptions)
    {
        var starts = new List<int>(text.Length / 40) { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        var ended = starts.Count - 1;  // lines followed by a '\n'
        var fingerprints = new uint?[ended];
        uint FingerprintOf(int line) => fingerprints[line] ??=
            LineFingerprint.Of(text.AsSpan(starts[line], starts[line + 1] - 1 - starts[line]));

        int Find(int expected, int from, uint fingerprint)
        {
            for (var distance = 0; distance <= Reach; distance++)
            {
                foreach (var line in (ReadOnlySpan<int>)[expected - distance, expected + distance])
                {
                    if (line >= from && line < ended && FingerprintOf(line) == fingerprint) return line;
                }
            }
            return -1;
        }

        var endings = new Dictionary<int, LineEnding>();
        int drift = 0, next = 0;
        foreach (var exception in exceptions.OrderBy(e => e.Line))
        {
            var found = Find(exception.Line + drift, next, exception.Fingerprint);
            if (found < 0) continue;  // the line was changed or removed: a changed line takes the dominant ending
            endings[found] = exception.Ending;
            drift = found - exception.Line;
            next = found + 1;
        }

        var result = new StringBuilder(text.Length + ended);
        for (var line = 0; line < ended; line++)
        {
            result.Append(text, starts[line], starts[line + 1] - 1 - starts[line])
                .Append(LineEndingText.Of(endings.GetValueOrDefault(line, dominant)));
        }
        return result.Append(text, starts[ended], text.Length - starts[ended]).ToString();
    }
}

/// <summary>A 32-bit FNV-1a hash of a line's characters: stable across processes, unlike string.GetHashCode.</summary>
internal static class LineFingerprint
{
    public static uint Of(ReadOnlySpan<char> line)
    {
        var hash = 2166136261u;
        foreach (var c in line) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
