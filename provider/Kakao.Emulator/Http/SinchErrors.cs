namespace Kakao.Emulator.Http;

/// <summary>One row of the facts file's error table: the texts the API answers for an errorCode.</summary>
internal sealed record SinchErrorDefinition(int Status, string Message, string Resolution);

/// <summary>
/// The Provisioning API's error table for the sender operations (status, message and resolution exactly as
/// in kakaotalk-openapi-facts.json), plus the emulator's own codes for the webhooks and control APIs.
/// </summary>
internal static class SinchErrors
{
    public const string AccountExists = "account_exists";
    public const string FileInvalidMimeType = "file_invalid_mime_type";
    public const string InternalError = "internal_error";
    public const string InvalidFilterStates = "invalid_filter_states";
    public const string InvalidFilterStatuses = "invalid_filter_statuses";
    public const string InvalidInput = "invalid_input";
    public const string InvalidPageSize = "invalid_page_size";
    public const string InvalidPageToken = "invalid_page_token";
    public const string InvalidPayload = "invalid_payload";
    public const string NoFieldsToUpdate = "no_fields_to_update";
    public const string NotAllowedRegister = "not_allowed_register";
    public const string NotAllowedVerify = "not_allowed_verify";
    public const string PlusFriendIdUsed = "plus_friend_id_used";
    public const string ProjectNotInitialized = "project_not_initialized";
    public const string SenderAlreadyDeleted = "sender_already_deleted";
    public const string SenderChangesNotDeletable = "sender_changes_not_deletable";
    public const string SenderChangesNotFound = "sender_changes_not_found";
    public const string SenderChangesNotUpdatable = "sender_changes_not_updatable";
    public const string SenderInvalidCategoryCode = "sender_invalid_category_code";
    public const string SenderNotFound = "sender_not_found";
    public const string SenderNotUpdatable = "sender_not_updatable";
    public const string Unauthorized = "unauthorized_error";
    public const string WebhookNotFound = "webhook_not_found";
    public const string WebhookExists = "webhook_exists";
    public const string WebhookLimitReached = "webhook_limit_reached";
    public const string InvalidIdFormat = "invalid_id_format";
    public const string ProjectNotFound = "project_not_found";
    public const string TemplateExists = "template_exists";
    public const string TemplateInvalidCategoryCode = "template_invalid_category_code";
    public const string TemplateInvalidLanguageCode = "template_invalid_language_code";
    public const string TemplateKakaoTalkValidationError = "template_kakaotalk_validation_error";
    public const string TemplateNotDeletable = "template_not_deletable";
    public const string TemplateNotFound = "template_not_found";
    public const string TemplateNotUpdatable = "template_not_updatable";
    public const string TemplateChangesNotUpdatable = "template_changes_not_updatable";
    public const string SenderNotActive = "sender_not_active";
    public const string EmulatorNotFound = "not_found";
    public const string EmulatorInvalidTransition = "emulator_invalid_transition";
    public const string EmulatorMethodNotAllowed = "method_not_allowed";

    /// <summary>internal_error's resolution on the template create and update operations (the facts' variant).</summary>
    public const string InternalErrorTemplateResolution =
        "Please wait and try again, if the error persist please contact support. If template is saved as draft, try to submit the template again. If option \"saveDraftOnFailure\" is specified as \"false\", try the request again.";

    public const string SupportedStates = "ACTIVE, BLOCKED, INACTIVE, SUSPENDED, VERIFYING";
    public const string SupportedStatuses = "DRAFT, IN_PROGRESS, REJECTED";

    private static readonly Dictionary<string, SinchErrorDefinition> Table = new(StringComparer.Ordinal)
    {
        ["account_data_is_corrupt"] = new(409, "Account data is corrupt.", "Please contact support."),
        [AccountExists] = new(409, "Account already exists.", "There can only be one KakaoTalk account for each project."),
        ["account_is_in_progress"] = new(412, "Account creation is in progress.", "Please contact support."),
        ["account_not_updatable"] = new(409, "Account is not updatable.", "Please contact support."),
        [FileInvalidMimeType] = new(400, "details.logoImage: invalid file mime type.", "Try again with supported mime types: image/jpeg, image/png."),
        ["file_not_found"] = new(409, "details.logoImage: file not found.", "Verify that the url is correct."),
        ["file_size_too_large"] = new(409, "details.logoImage: file size is too large.", "Try again with a smaller file. Max size for `image/jpeg` is 5MB."),
        ["file_unexpected_error"] = new(409, "details.logoImage: file unexpected error.", "The file cannot be handled properly. Please try with another one."),
        [InternalError] = new(500, "Internal server error.", "Please wait and try again, if the error persist please contact support."),
        ["invalid_app_key"] = new(400, "Invalid app key.", "Please check if the app key is correct"),
        [InvalidFilterStates] = new(400, "Invalid filterStates.", "Verify that the filterStates used are supported by the Provisioning API."),
        [InvalidFilterStatuses] = new(400, "Invalid filter statuses.", "Verify that the filterStatuses used are supported by the Provisioning API."),
        [InvalidInput] = new(400, "Invalid input.", "Correct the validation errors and submit again."),
        [InvalidPageSize] = new(400, "Page size must be numeric.", "Use a integer value for pageSize parameter."),
        [InvalidPageToken] = new(400, "Invalid page token.", "The page token to use is provided in the previous query response, for new queries simply leave this field undefined."),
        [InvalidPayload] = new(400, "Invalid payload.", "Correct payload and submit again."),
        [NoFieldsToUpdate] = new(400, "No fields to be updated.", "Supply at least one field to be updated."),
        [NotAllowedRegister] = new(409, "Sender not allowed to be registered.", "Sender in \"ACTIVE\" state can't be registered."),
        [NotAllowedVerify] = new(409, "Sender not allowed to be verified.", "Sender has to be in \"VERIFYING\" state to be verified."),
        [PlusFriendIdUsed] = new(409, "plusFriendId is already used.", "plusFriendId is already used by another Sender, verify that the parameters are correct."),
        [ProjectNotFound] = new(404, "Project not found.", "Verify that the projectId is correct."),
        [ProjectNotInitialized] = new(400, "Project not initialized for KakaoTalk.", "Verify that the project ID is correct and that it has been onboarded for KakaoTalk."),
        [SenderAlreadyDeleted] = new(409, "The sender has been deleted within the last 60 days.", "Wait the required time."),
        [SenderChangesNotDeletable] = new(409, "Sender changes is not deletable.", "Only DRAFT, REJECTED senders changes can be marked for deletion."),
        [SenderChangesNotFound] = new(404, "Sender changes not found.", "Verify that the parameters are correct."),
        [SenderChangesNotUpdatable] = new(409, "Sender is not updatable.", "Updates are only supported by sender changes with status: DRAFT"),
        [SenderInvalidCategoryCode] = new(400, "Invalid sender category code(s).", "Verify that the sender category code(s) used is supported."),
        [SenderNotFound] = new(404, "Sender not found.", "Verify that the parameters are correct."),
        [SenderNotUpdatable] = new(409, "Sender is not updatable.", "Updates are only supported by senders with state: ACTIVE."),
        [Unauthorized] = new(401, "Unauthorized error.", "Verify that projectId is correct."),

        [TemplateExists] = new(409, "Template already exists.", "Templates must have unique name. Change name and submit again."),
        [TemplateInvalidCategoryCode] = new(400, "Invalid template category code.", "Verify that the template category code used is supported for the provided project."),
        [TemplateInvalidLanguageCode] = new(400, "Invalid language code.", "Verify that the language code used is supported by the Provisioning API and KakaoTalk."),
        [TemplateKakaoTalkValidationError] = new(424, "Template kakaoTalk validation error: Some details from provider", "Please try again later. If template is saved as draft, try to submit the template again. If option \"saveDraftOnFailure\" is specified as \"false\", try the request again."),
        [TemplateNotDeletable] = new(409, "Template is not deletable.", "Only templates that has not yet been submitted to KakaoTalk is eligible for deletion."),
        [TemplateNotFound] = new(404, "Template not found.", "Verify that the parameters are correct."),
        [TemplateNotUpdatable] = new(409, "Template is not updatable.", "Updates are only supported by templates with state: APPROVED, REJECTED."),
        [TemplateChangesNotUpdatable] = new(409, "Template is not updatable.", "Updates are only supported by template changes with status: DRAFT, REJECTED."),

        // The webhooks API (kakaotalk-templates.md §8, from the same definition; not in the JSON facts file).
        [WebhookNotFound] = new(404, "Webhook not found.", "Verify that the parameters are correct."),
        [WebhookExists] = new(409, "Webhook with the provided target already exists.", "Webhooks must have a unique target. Change the target and submit again."),
        [WebhookLimitReached] = new(424, "Number of webhooks has reached the limit.", "Delete some webhooks to be able to add more."),
        [InvalidIdFormat] = new(400, "Id is not in the expected format.", "webhookId param is in the wrong format. Confirm that you're sending the correct value."),

        // Emulator-only codes (control API; not part of the facts).
        [EmulatorNotFound] = new(404, "Resource not found.", "Check the path against docs/emulator.md."),
        [EmulatorMethodNotAllowed] = new(405, "Method not allowed.", "Check the method against docs/emulator.md."),
        [EmulatorInvalidTransition] = new(409, "The sender cannot make this transition.", "Check the sender's current state and changes."),

        // [emulator choice] templates only for ACTIVE senders: the public material names no code for it.
        [SenderNotActive] = new(409, "Sender is not active.", "Templates can be created only for senders with state: ACTIVE. Register and verify the sender first."),
    };

    /// <summary>The definition of a code; unknown codes fall back to internal_error's texts.</summary>
    public static SinchErrorDefinition Get(string errorCode) =>
        Table.TryGetValue(errorCode, out var definition) ? definition : Table[InternalError];

    /// <summary>Whether the code is in the table.</summary>
    public static bool IsKnown(string errorCode) => Table.ContainsKey(errorCode);
}
