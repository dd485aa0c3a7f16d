using System.ComponentModel.DataAnnotations;

namespace ContainerNetLib.Portal.Features.Marks;

/// <summary>What "new" and "unread" mean for a member (see Domain/Accounts/Marks).</summary>
public sealed class ReadingOptions
{
    public const string Section = "Reading";

    /// <summary>How far back /account/reading lists unread entries.</summary>
    [Range(1, 3650, ErrorMessage = "Reading:NewForDays must be a number of days from 1 to 3650")]
    public int NewForDays { get; set; } = 30;

    /// <summary>A break this long or longer between two reader pages starts a new visit.</summary>
    [Range(5, 1440, ErrorMessage = "Reading:VisitGapMinutes must be a number of minutes from 5 to 1440")]
    public int VisitGapMinutes { get; set; } = 30;

    public TimeSpan VisitGap => TimeSpan.FromMinutes(VisitGapMinutes);

    public DateTimeOffset WindowStart(DateTimeOffset now) => now.AddDays(-NewForDays);
}
