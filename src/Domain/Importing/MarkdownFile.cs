using System.Text;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Importing;

/// <summary>A reading-list file refused before anything is imported; the message is one line for the user.</summary>
public class InvalidInputException(string message) : Exception(message);

/// <summary>Reads a Markdown file for import, refusing what cannot be a reading list (<see cref="MarkdownLimits"/>).
/// </summary>
public static class MarkdownFile
{
    public const long MaxBytes = 50L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    public static string Read(string path)
    {
        if (Directory.Exists(path)) throw new InvalidInputException($"{path} is a directory, not a Markdown file");
        if (!File.Exists(path)) throw new InvalidInputException($"{path} does not exist");
        var length = new FileInfo(path).Length;
        if (length == 0) throw new InvalidInputException($"{path} is empty: there is nothing to import");
        if (length > MaxBytes) throw new
            InvalidInputException($"{path} is {length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB");
        return Decode(File.ReadAllBytes(path), path);
    }

    public static string Decode(byte[] bytes, string name)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException($"{name} is not UTF-8 text (invalid byte at offset {e.Index}); save it " +
                $"as UTF-8 and try again");
        }
        if (text.AsSpan().Trim('\uFEFF').Trim().IsEmpty)
            throw new InvalidInputException($"{name} has only white space: there is nothing to import");
        // Refused here, before the database is opened or anything is parsed: one line, in well under a second.
        if (MarkdownLimits.Find(text) is { } problem) throw new InvalidInputException($"{name}, {problem}");
        return text;
    }
}
