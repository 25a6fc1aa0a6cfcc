namespace Kakao.Emulator.State;

/// <summary>
/// A KakaoTalk template of one sender (kakaotalk-templates.md §3, §5): its inspected <see cref="Details"/> and
/// <see cref="State"/> once Kakao has looked at it, and the pending <see cref="Changes"/> before and between
/// inspections.
/// </summary>
internal sealed class TemplateRecord
{
    public required string Id { get; set; }

    /// <summary>The server-assigned code (20 characters), the {templateCode} of the paths.</summary>
    public required string Code { get; set; }

    /// <summary>APPROVED or REJECTED; null until the first inspection has ended.</summary>
    public string? State { get; set; }

    public TemplateDetails? Details { get; set; }

    public TemplateChanges? Changes { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Oldest first; served newest first.</summary>
    public List<ActivityRecord> Activities { get; set; } = [];

    public PendingReview? Review { get; set; }

    /// <summary>The name the template answers to for uniqueness: the pending one, else the inspected one.</summary>
    public IEnumerable<string> Names()
    {
        if (Changes?.Details.Name is { } pending)
        {
            yield return pending;
        }

        if (Details?.Name is { } inspected && inspected != Changes?.Details.Name)
        {
            yield return inspected;
        }
    }
}

internal sealed class TemplateChanges
{
    public required string Status { get; set; }

    public required TemplateDetails Details { get; set; }
}

/// <summary>The fields of KakaotalkTemplateDetailsDto (without <c>ad</c>, which Kakao derives from the message type).</summary>
internal sealed class TemplateDetails
{
    public string? Language { get; set; }

    public string? MessageType { get; set; }

    public string? EmphasizeType { get; set; }

    public string? CategoryCode { get; set; }

    public bool? SecurityFlag { get; set; }

    public string? Name { get; set; }

    public string? Content { get; set; }

    public string? Extra { get; set; }

    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public string? ImageName { get; set; }

    public string? ImageUrl { get; set; }

    public List<TemplateButton> Buttons { get; set; } = [];

    public TemplateDetails Clone()
    {
        var copy = (TemplateDetails)MemberwiseClone();
        copy.Buttons = Buttons.Select(b => b.Clone()).ToList();
        return copy;
    }
}

internal sealed class TemplateButton
{
    public int Ordering { get; set; }

    public string? Type { get; set; }

    public string? Name { get; set; }

    public string? LinkMo { get; set; }

    public string? LinkPc { get; set; }

    public string? SchemeIos { get; set; }

    public string? SchemeAndroid { get; set; }

    public TemplateButton Clone() => (TemplateButton)MemberwiseClone();
}
