namespace Kakao.Emulator.State;

/// <summary>
/// Everything the emulator remembers: projects (senders, webhooks) and issued tokens. Mutated only under the
/// <see cref="EmulatorStore"/> lock; serialised as is to the data file.
/// </summary>
internal sealed class EmulatorState
{
    /// <summary>What marks a data file as the emulator's own (see <see cref="StateFileFormat"/>).</summary>
    public string Format { get; set; } = StateFileFormat.Marker;

    /// <summary>Bumped by every mutation so the store knows when the data file is stale.</summary>
    public long Revision { get; set; }

    /// <summary>Source of the senders' creation order (list order).</summary>
    public long NextSequence { get; set; }

    public Dictionary<string, ProjectState> Projects { get; set; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 hashes of issued bearer tokens (never the tokens themselves).</summary>
    public List<IssuedToken> Tokens { get; set; } = [];

    public ProjectState GetOrAddProject(string projectId)
    {
        if (!Projects.TryGetValue(projectId, out var project))
        {
            project = new ProjectState();
            Projects[projectId] = project;
        }

        return project;
    }
}

internal sealed class ProjectState
{
    public Dictionary<string, SenderRecord> Senders { get; set; } = new(StringComparer.Ordinal);

    public List<WebhookRecord> Webhooks { get; set; } = [];
}

internal sealed class SenderRecord
{
    public required string Id { get; set; }

    public required string PlusFriendId { get; set; }

    public long Sequence { get; set; }

    public string? State { get; set; }

    public SenderDetails? Details { get; set; }

    public SenderChanges? Changes { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Set by DELETE: the sender answers 404 and its plusFriendId stays taken for 60 days.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Oldest first; served newest first.</summary>
    public List<ActivityRecord> Activities { get; set; } = [];

    public OtpRecord? Otp { get; set; }

    public PendingReview? Review { get; set; }

    /// <summary>The sender's templates by code (kakaotalk-templates.md; names are unique per sender).</summary>
    public Dictionary<string, TemplateRecord> Templates { get; set; } = new(StringComparer.Ordinal);
}

internal sealed class SenderDetails
{
    public string? AdminPhoneNo { get; set; }

    public string? Name { get; set; }

    public string? LogoImage { get; set; }

    public string? TopLevelCategoryCode { get; set; }

    public string? MidLevelCategoryCode { get; set; }

    public string? SubLevelCategoryCode { get; set; }

    public SenderDetails Clone() => (SenderDetails)MemberwiseClone();
}

internal sealed class SenderChanges
{
    public required string Status { get; set; }

    public required SenderDetails Details { get; set; }
}

internal sealed class ActivityRecord
{
    public required string Type { get; set; }

    public DateTimeOffset Created { get; set; }

    public string? Author { get; set; }

    public string? Comment { get; set; }
}

/// <summary>The one-time code "sent" to the admin phone by register.</summary>
internal sealed class OtpRecord
{
    public int Code { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }
}

/// <summary>An automatic review decided at submission time, applied once <see cref="DueAt"/> has passed.</summary>
internal sealed class PendingReview
{
    public DateTimeOffset DueAt { get; set; }

    public bool Approve { get; set; }

    public string? Comment { get; set; }
}

internal sealed class WebhookRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    /// <summary>Signing secret; stored because the emulator signs callbacks with it, never returned.</summary>
    public string? Secret { get; set; }

    public List<string> Triggers { get; set; } = [];

    public DateTimeOffset Created { get; set; }
}

internal sealed class IssuedToken
{
    public required string Hash { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
