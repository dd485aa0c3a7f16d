using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Importing;

/// <summary>A file's <see cref="FileEnvelope"/> as the reading list's row keeps it.</summary>
internal static class StoredEnvelope
{
    public static FileEnvelope Of(ReadingList list) => new(list.ByteOrderMark, list.LineEnding,
        list.LineEndingExceptions.Length == 0 ? [] : LineEndingException.Parse(list.LineEndingExceptions));

    /// <summary>Puts <paramref name="envelope"/> on the row; false when the row already held it.</summary>
    public static bool Store(ReadingList list, FileEnvelope envelope)
    {
        var exceptions = LineEndingException.Format(envelope.Exceptions);
        if (list.ByteOrderMark == envelope.ByteOrderMark && list.LineEnding == envelope.Dominant
            && list.LineEndingExceptions == exceptions) return false;
        list.ByteOrderMark = envelope.ByteOrderMark;
        list.LineEnding = envelope.Dominant;
        list.LineEndingExceptions = exceptions;
        return true;
    }
}
