namespace Kakao.Provider.Resources.Sender;

/// <summary>Property names of <c>kakao:index:KakaoSender</c>, as they appear in the schema and state.</summary>
internal static class SenderProperties
{
    public const string Token = "kakao:index:KakaoSender";

    // Inputs.
    public const string PlusFriendId = "plusFriendId";
    public const string ProjectId = "projectId";
    public const string AdminPhoneNo = "adminPhoneNo";
    public const string Name = "name";
    public const string TopLevelCategoryCode = "topLevelCategoryCode";
    public const string MidLevelCategoryCode = "midLevelCategoryCode";
    public const string SubLevelCategoryCode = "subLevelCategoryCode";
    public const string LogoImage = "logoImage";
    public const string Submit = "submit";

    // Outputs computed by the service.
    public const string SenderId = "senderId";
    public const string Status = "status";
    public const string State = "state";
    public const string ChangesStatus = "changesStatus";
    public const string RejectionComment = "rejectionComment";
    public const string Created = "created";
    public const string Modified = "modified";

    /// <summary>Every input, in schema order.</summary>
    public static IReadOnlyList<string> Inputs { get; } =
        [PlusFriendId, ProjectId, AdminPhoneNo, Name, TopLevelCategoryCode, MidLevelCategoryCode, SubLevelCategoryCode, LogoImage, Submit];

    /// <summary>Outputs the service computes (unknown in preview).</summary>
    public static IReadOnlyList<string> ComputedOutputs { get; } =
        [SenderId, Status, State, ChangesStatus, RejectionComment, Created, Modified];

    /// <summary>Inputs whose change replaces the sender.</summary>
    public static IReadOnlySet<string> ReplaceOnChanges { get; } = new HashSet<string>(StringComparer.Ordinal) { PlusFriendId, ProjectId };

    /// <summary>Inputs that are always secret in inputs, outputs and state.</summary>
    public static IReadOnlySet<string> AlwaysSecret { get; } = new HashSet<string>(StringComparer.Ordinal) { AdminPhoneNo };

    /// <summary>Inputs every sender must have.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [PlusFriendId, AdminPhoneNo, Name, TopLevelCategoryCode, MidLevelCategoryCode, SubLevelCategoryCode];
}
