using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Decides, after an ambiguous write, whether what the API now holds is what the write asked for. Compared are
/// the fields the caller set; the logo is left out because the service may re-host the image under another URL.
/// </summary>
internal static class SenderMatching
{
    public static bool HoldsDetails(KakaoSender sender, SenderDetails? wanted) =>
        wanted is null || Same(sender.Changes?.Details, wanted) || Same(sender.Details, wanted);

    /// <summary>True when a create with <paramref name="request"/> has taken effect.</summary>
    public static bool CreateApplied(KakaoSender sender, CreateSenderRequest request) =>
        string.Equals(sender.PlusFriendId, request.PlusFriendId, StringComparison.Ordinal) && HoldsDetails(sender, request.Details);

    /// <summary>True when an update has taken effect: details held and the pending changes in the asked status.</summary>
    public static bool UpdateApplied(KakaoSender sender, UpdateSenderRequest request)
    {
        if (request.Status == SubmitAction.Draft)
        {
            return sender.Changes?.Status == ChangesStatus.Draft && Same(sender.Changes.Details, request.Details);
        }

        // Submitted: in review, or already approved by a fast review.
        return sender.Changes is { } changes
            ? changes.Status == ChangesStatus.InProgress && Same(changes.Details, request.Details)
            : Same(sender.Details, request.Details);
    }

    private static bool Same(SenderDetails? held, SenderDetails? wanted)
    {
        if (wanted is null)
        {
            return true;
        }

        if (held is null)
        {
            return false;
        }

        return Field(held.Name, wanted.Name)
            && Phone(held.AdminPhoneNo, wanted.AdminPhoneNo)
            && Field(held.TopLevelCategoryCode, wanted.TopLevelCategoryCode)
            && Field(held.MidLevelCategoryCode, wanted.MidLevelCategoryCode)
            && Field(held.SubLevelCategoryCode, wanted.SubLevelCategoryCode);
    }

    private static bool Field(string? held, string? wanted) => wanted is null || string.Equals(held, wanted, StringComparison.Ordinal);

    // The service may normalise the number (e.g. drop the '+'): compare the digits.
    private static bool Phone(string? held, string? wanted) =>
        wanted is null || (held is not null && string.Equals(held.TrimStart('+'), wanted.TrimStart('+'), StringComparison.Ordinal));
}
