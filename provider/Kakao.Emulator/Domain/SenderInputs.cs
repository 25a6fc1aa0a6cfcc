using Kakao.Emulator.State;

namespace Kakao.Emulator.Domain;

/// <summary>
/// The details fields a request carries: JSON name → value (a null value clears an optional field). Only the
/// fields present in the request are here, so drafts and PATCH subsets stay partial.
/// </summary>
internal sealed class DetailsPatch
{
    public const string AdminPhoneNo = "adminPhoneNo";
    public const string Name = "name";
    public const string LogoImage = "logoImage";
    public const string TopLevelCategoryCode = "topLevelCategoryCode";
    public const string MidLevelCategoryCode = "midLevelCategoryCode";
    public const string SubLevelCategoryCode = "subLevelCategoryCode";

    public static readonly IReadOnlyList<string> FieldNames =
        [AdminPhoneNo, Name, LogoImage, TopLevelCategoryCode, MidLevelCategoryCode, SubLevelCategoryCode];

    /// <summary>The fields required for a submission (all but logoImage).</summary>
    public static readonly IReadOnlyList<string> RequiredForSubmit =
        [AdminPhoneNo, Name, TopLevelCategoryCode, MidLevelCategoryCode, SubLevelCategoryCode];

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Fields.Count == 0;

    public SenderDetails ApplyTo(SenderDetails? baseline)
    {
        var result = baseline?.Clone() ?? new SenderDetails();
        foreach (var (field, value) in Fields)
        {
            Set(result, field, value);
        }

        return result;
    }

    public static string? Get(SenderDetails details, string field) => field switch
    {
        AdminPhoneNo => details.AdminPhoneNo,
        Name => details.Name,
        LogoImage => details.LogoImage,
        TopLevelCategoryCode => details.TopLevelCategoryCode,
        MidLevelCategoryCode => details.MidLevelCategoryCode,
        SubLevelCategoryCode => details.SubLevelCategoryCode,
        _ => null,
    };

    private static void Set(SenderDetails details, string field, string? value)
    {
        switch (field)
        {
            case AdminPhoneNo: details.AdminPhoneNo = value; break;
            case Name: details.Name = value; break;
            case LogoImage: details.LogoImage = value; break;
            case TopLevelCategoryCode: details.TopLevelCategoryCode = value; break;
            case MidLevelCategoryCode: details.MidLevelCategoryCode = value; break;
            case SubLevelCategoryCode: details.SubLevelCategoryCode = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown details field.");
        }
    }
}

/// <summary>A validated create request (KakaotalkInputSenderDto).</summary>
internal sealed record CreateSenderInput(string PlusFriendId, bool Submit, bool SaveDraftOnFailure, DetailsPatch Details);

/// <summary>A validated update request (KakaotalkInputUpdateSenderDto); Submit is false unless status SUBMIT.</summary>
internal sealed record UpdateSenderInput(bool Submit, bool StatusGiven, DetailsPatch Details);
