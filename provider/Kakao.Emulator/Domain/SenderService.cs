using System.Security.Cryptography;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;
using static Kakao.Emulator.Domain.SenderVocabulary;

namespace Kakao.Emulator.Domain;

/// <summary>
/// The sender lifecycle of kakaotalk-provisioning.md, [emulator choice]s included. Every method runs under the
/// store lock against <see cref="EmulatorState"/>, validates before it mutates, and bumps the revision when it
/// changes something so the data file follows.
/// </summary>
internal sealed partial class SenderService(
    TimeProvider time,
    ReviewPolicyHolder policy,
    IDomainEvents events,
    DeletedSendersHolder? deletedSenders = null,
    Func<int>? otpSource = null)
{
    public static readonly TimeSpan DeletedRetention = TimeSpan.FromDays(60);
    public static readonly TimeSpan OtpLifetime = TimeSpan.FromMinutes(10);
    public const int MaxOtpAttempts = 5;

    private static readonly string[] MimeExtensionsAllowed = [".jpg", ".jpeg", ".png"];

    public Page<SenderDto> List(EmulatorState state, string projectId, IReadOnlyList<string> states, IReadOnlyList<string> statuses, int pageSize, string? pageToken)
    {
        var project = state.GetOrAddProject(projectId);
        var matching = project.Senders.Values
            .Where(IsReadable)
            .Where(s => states.Count == 0 || (s.State is not null && states.Contains(s.State)))
            .Where(s => statuses.Count == 0 || (s.Changes is not null && statuses.Contains(s.Changes.Status)))
            .OrderBy(s => s.Sequence)
            .Select(SenderDto.From)
            .ToList();
        string scope = $"senders|{projectId}|{string.Join(',', states)}|{string.Join(',', statuses)}";
        return Paging.Take(matching, pageSize, pageToken, scope);
    }

    public SenderDto Get(EmulatorState state, string projectId, string plusFriendId) =>
        SenderDto.From(FindReadable(state, projectId, plusFriendId));

    public SenderDto Create(EmulatorState state, string projectId, CreateSenderInput input)
    {
        var project = state.GetOrAddProject(projectId);
        if (project.Senders.ContainsKey(input.PlusFriendId))
        {
            // Live, or deleted less than 60 days ago (older tombstones are purged by maintenance).
            throw new ApiException(SinchErrors.PlusFriendIdUsed);
        }

        var details = input.Details.ApplyTo(null);
        var failure = SemanticError(details, input.Submit);
        if (failure is not null && !(input.Submit && input.SaveDraftOnFailure))
        {
            throw failure;
        }

        bool submit = input.Submit && failure is null;
        var now = time.GetUtcNow();
        var sender = new SenderRecord
        {
            Id = Guid.NewGuid().ToString(),
            PlusFriendId = input.PlusFriendId,
            Sequence = ++state.NextSequence,
            Changes = new SenderChanges { Status = submit ? InProgress : Draft, Details = details },
            Created = now,
            Modified = now,
        };
        project.Senders[sender.PlusFriendId] = sender;
        AddActivity(sender, ActivityCreated, CustomerAuthor);
        AddActivity(sender, submit ? InProgress : Draft, CustomerAuthor);
        if (submit)
        {
            ScheduleReview(sender);
        }

        state.Revision++;

        // [emulator choice] saveDraftOnFailure keeps the sender as a DRAFT and still answers the error.
        return failure is null ? SenderDto.From(sender) : throw failure;
    }

    public SenderDto Update(EmulatorState state, string projectId, string plusFriendId, UpdateSenderInput input)
    {
        var sender = FindLive(state, projectId, plusFriendId);
        if (input.Details.IsEmpty && !input.Submit)
        {
            throw new ApiException(SinchErrors.NoFieldsToUpdate);
        }

        SenderDetails baseline;
        if (sender.Changes is { } changes)
        {
            if (changes.Status == InProgress)
            {
                throw new ApiException(SinchErrors.SenderChangesNotUpdatable);
            }

            baseline = changes.Details;
        }
        else
        {
            if (sender.State != Active)
            {
                throw new ApiException(SinchErrors.SenderNotUpdatable);
            }

            if (input.Details.IsEmpty)
            {
                throw new ApiException(SinchErrors.NoFieldsToUpdate);
            }

            baseline = sender.Details ?? new SenderDetails();
        }

        var merged = input.Details.ApplyTo(baseline);
        if (input.Submit)
        {
            var missing = new List<string>();
            foreach (var field in DetailsPatch.RequiredForSubmit)
            {
                if (DetailsPatch.Get(merged, field) is null)
                {
                    missing.Add($"details.{field} should not be empty");
                }
            }

            if (missing.Count > 0)
            {
                throw ApiException.InvalidInput(missing);
            }
        }

        if (SemanticError(merged, input.Submit) is { } failure)
        {
            throw failure;
        }

        sender.Changes = new SenderChanges { Status = input.Submit ? InProgress : Draft, Details = merged };
        if (!input.Details.IsEmpty)
        {
            AddActivity(sender, ActivityEdited, CustomerAuthor);
        }

        AddActivity(sender, input.Submit ? InProgress : Draft, CustomerAuthor);
        sender.Review = null;
        if (input.Submit)
        {
            ScheduleReview(sender);
        }

        Touch(state, sender);
        return SenderDto.From(sender);
    }

    public void Delete(EmulatorState state, string projectId, string plusFriendId)
    {
        var project = state.GetOrAddProject(projectId);
        if (!project.Senders.TryGetValue(plusFriendId, out var sender))
        {
            throw new ApiException(SinchErrors.SenderNotFound);
        }

        if (sender.DeletedAt is not null)
        {
            throw new ApiException(SinchErrors.SenderAlreadyDeleted);
        }

        sender.DeletedAt = time.GetUtcNow();
        sender.Review = null;
        sender.Otp = null;
        Touch(state, sender);
    }

    public Page<ActivityDto> Activities(EmulatorState state, string projectId, string plusFriendId, int pageSize, string? pageToken)
    {
        var sender = FindReadable(state, projectId, plusFriendId);
        var newestFirst = Enumerable.Reverse(sender.Activities).Select(ActivityDto.From).ToList();
        return Paging.Take(newestFirst, pageSize, pageToken, $"activities|{projectId}|{sender.Id}");
    }

    public void DeleteChanges(EmulatorState state, string projectId, string plusFriendId)
    {
        var project = state.GetOrAddProject(projectId);
        var sender = FindLive(state, projectId, plusFriendId);
        if (sender.Changes is null)
        {
            throw new ApiException(SinchErrors.SenderChangesNotFound);
        }

        if (sender.Changes.Status is not (Draft or Rejected))
        {
            throw new ApiException(SinchErrors.SenderChangesNotDeletable);
        }

        if (sender.State is null)
        {
            // [emulator choice] a never-approved sender has nothing left without its changes: it is removed
            // entirely (no 60-day tombstone), so the plusFriendId can be used again at once.
            project.Senders.Remove(plusFriendId);
            state.Revision++;
            return;
        }

        sender.Changes = null;
        sender.Review = null;
        Touch(state, sender);
    }

    public CommentDto AddComment(EmulatorState state, string projectId, string plusFriendId, string comment)
    {
        var project = state.GetOrAddProject(projectId);
        var sender = FindLive(state, projectId, plusFriendId);
        var activity = AddActivity(sender, ActivityCommentAdded, CustomerAuthor, comment);
        Touch(state, sender);
        events.SenderEvent(project, WebhookCommentAdded, sender, comment);
        return new CommentDto("CREATED", comment, EmulatorJson.FormatTime(activity.Created));
    }

    public SenderDto Register(EmulatorState state, string projectId, string plusFriendId)
    {
        var sender = FindLive(state, projectId, plusFriendId);
        if (sender.State is not (Inactive or Verifying))
        {
            throw new ApiException(SinchErrors.NotAllowedRegister);
        }

        sender.State = Verifying;
        sender.Otp = new OtpRecord
        {
            // Any of 000000..999999, as a phone shows it: leading zeros happen and compare as numbers.
            Code = otpSource?.Invoke() ?? RandomNumberGenerator.GetInt32(0, 1_000_000),
            ExpiresAt = time.GetUtcNow() + OtpLifetime,
        };
        Touch(state, sender);
        return SenderDto.From(sender);
    }

    public SenderDto Verify(EmulatorState state, string projectId, string plusFriendId, int code)
    {
        var project = state.GetOrAddProject(projectId);
        var sender = FindLive(state, projectId, plusFriendId);
        if (sender.State != Verifying)
        {
            throw new ApiException(SinchErrors.NotAllowedVerify);
        }

        var otp = sender.Otp ?? throw ApiException.InvalidInput("code is no longer valid: register the sender again to receive a new code");
        if (time.GetUtcNow() >= otp.ExpiresAt)
        {
            sender.Otp = null;
            state.Revision++;
            throw ApiException.InvalidInput("code has expired: register the sender again to receive a new code");
        }

        if (code != otp.Code)
        {
            otp.FailedAttempts++;
            state.Revision++;
            if (otp.FailedAttempts >= MaxOtpAttempts)
            {
                sender.Otp = null;
                throw ApiException.InvalidInput("code is incorrect: too many wrong attempts, register the sender again to receive a new code");
            }

            throw ApiException.InvalidInput("code is incorrect");
        }

        sender.Otp = null;
        sender.State = Active;
        AddActivity(sender, Active, CustomerAuthor);
        Touch(state, sender);
        events.SenderEvent(project, WebhookActive, sender, null);
        return SenderDto.From(sender);
    }

    private void ScheduleReview(SenderRecord sender)
    {
        var current = policy.Current;
        if (current.Mode == ReviewMode.Manual)
        {
            sender.Review = null;
            return;
        }

        sender.Review = new PendingReview
        {
            DueAt = time.GetUtcNow() + current.Delay,
            Approve = current.Mode == ReviewMode.Approve,
            Comment = current.Mode == ReviewMode.Reject ? current.RejectionComment : null,
        };
        events.ReviewScheduled(current.Delay);
    }

    private static ApiException? SemanticError(SenderDetails details, bool submit)
    {
        bool categoriesOk = submit
            ? SenderCategoryTree.IsValidPath(details.TopLevelCategoryCode, details.MidLevelCategoryCode, details.SubLevelCategoryCode)
            : SenderCategoryTree.IsConsistent(details.TopLevelCategoryCode, details.MidLevelCategoryCode, details.SubLevelCategoryCode);
        if (!categoriesOk)
        {
            return new ApiException(SinchErrors.SenderInvalidCategoryCode);
        }

        if (details.LogoImage is { } logo && Uri.TryCreate(logo, UriKind.Absolute, out var uri))
        {
            // [emulator choice] the MIME type is judged by the file extension; no extension is accepted.
            string extension = Path.GetExtension(uri.AbsolutePath);
            if (extension.Length > 0 && !MimeExtensionsAllowed.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return new ApiException(SinchErrors.FileInvalidMimeType);
            }
        }

        return null;
    }

    /// <summary>Reads see deleted senders too while they are retained (their tombstone lasts the 60 days).</summary>
    private bool IsReadable(SenderRecord sender) =>
        sender.DeletedAt is null || deletedSenders?.Current == DeletedSenderMode.Retained;

    private SenderRecord FindReadable(EmulatorState state, string projectId, string plusFriendId) =>
        state.GetOrAddProject(projectId).Senders.TryGetValue(plusFriendId, out var sender) && IsReadable(sender)
            ? sender
            : throw new ApiException(SinchErrors.SenderNotFound);

    private static SenderRecord FindLive(EmulatorState state, string projectId, string plusFriendId) =>
        state.GetOrAddProject(projectId).Senders.TryGetValue(plusFriendId, out var sender) && sender.DeletedAt is null
            ? sender
            : throw new ApiException(SinchErrors.SenderNotFound);

    private ActivityRecord AddActivity(SenderRecord sender, string type, string author, string? comment = null)
    {
        var activity = new ActivityRecord { Type = type, Created = time.GetUtcNow(), Author = author, Comment = comment };
        sender.Activities.Add(activity);
        return activity;
    }

    private void Touch(EmulatorState state, SenderRecord sender)
    {
        sender.Modified = time.GetUtcNow();
        state.Revision++;
    }
}
