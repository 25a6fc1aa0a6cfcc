namespace Kakao.Provisioning;

/// <summary>
/// Every <c>errorCode</c> the Sinch Provisioning API documents for KakaoTalk senders, templates, webhooks, auth and
/// projects — the one place their spelling lives. Compare <see cref="ProvisioningApiException.ErrorCode"/> with
/// these. The client's own codes (no answer, unreadable answer) are on <see cref="ProvisioningApiException"/>.
/// </summary>
public static class SinchErrorCodes
{
    // Authentication and project.
    /// <summary>401: "Unauthorized error."</summary>
    public const string UnauthorizedError = "unauthorized_error";

    /// <summary>404: "Project not found."</summary>
    public const string ProjectNotFound = "project_not_found";

    /// <summary>400: "Project not initialized for KakaoTalk."</summary>
    public const string ProjectNotInitialized = "project_not_initialized";

    /// <summary>409: "Account already exists."</summary>
    public const string AccountExists = "account_exists";

    /// <summary>412: "Account creation is in progress."</summary>
    public const string AccountIsInProgress = "account_is_in_progress";

    /// <summary>409: "Account is not updatable."</summary>
    public const string AccountNotUpdatable = "account_not_updatable";

    /// <summary>409: "Account data is corrupt."</summary>
    public const string AccountDataIsCorrupt = "account_data_is_corrupt";

    /// <summary>400: "Invalid app key."</summary>
    public const string InvalidAppKey = "invalid_app_key";

    // Requests in general.
    /// <summary>400: "Invalid input."</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>400: "Invalid payload."</summary>
    public const string InvalidPayload = "invalid_payload";

    /// <summary>400: "Page size must be numeric."</summary>
    public const string InvalidPageSize = "invalid_page_size";

    /// <summary>400: "Invalid page token."</summary>
    public const string InvalidPageToken = "invalid_page_token";

    /// <summary>400: "Invalid filterStates."</summary>
    public const string InvalidFilterStates = "invalid_filter_states";

    /// <summary>400: "Invalid filter statuses."</summary>
    public const string InvalidFilterStatuses = "invalid_filter_statuses";

    /// <summary>400: "No fields to be updated."</summary>
    public const string NoFieldsToUpdate = "no_fields_to_update";

    /// <summary>500: "Internal server error."</summary>
    public const string InternalError = "internal_error";

    // Senders.
    /// <summary>404: "Sender not found."</summary>
    public const string SenderNotFound = "sender_not_found";

    /// <summary>409: "The sender has been deleted within the last 60 days."</summary>
    public const string SenderAlreadyDeleted = "sender_already_deleted";

    /// <summary>409: "plusFriendId is already used."</summary>
    public const string PlusFriendIdUsed = "plus_friend_id_used";

    /// <summary>409: "Sender is not updatable."</summary>
    public const string SenderNotUpdatable = "sender_not_updatable";

    /// <summary>409: "Sender is not updatable."</summary>
    public const string SenderChangesNotUpdatable = "sender_changes_not_updatable";

    /// <summary>404: "Sender changes not found."</summary>
    public const string SenderChangesNotFound = "sender_changes_not_found";

    /// <summary>409: "Sender changes is not deletable."</summary>
    public const string SenderChangesNotDeletable = "sender_changes_not_deletable";

    /// <summary>400: "Invalid sender category code(s)."</summary>
    public const string SenderInvalidCategoryCode = "sender_invalid_category_code";

    /// <summary>409: "Sender not allowed to be registered."</summary>
    public const string NotAllowedRegister = "not_allowed_register";

    /// <summary>409: "Sender not allowed to be verified."</summary>
    public const string NotAllowedVerify = "not_allowed_verify";

    /// <summary>400: "details.logoImage: invalid file mime type."</summary>
    public const string FileInvalidMimeType = "file_invalid_mime_type";

    /// <summary>409: "details.logoImage: file not found."</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>409: "details.logoImage: file size is too large."</summary>
    public const string FileSizeTooLarge = "file_size_too_large";

    /// <summary>409: "details.logoImage: file unexpected error."</summary>
    public const string FileUnexpectedError = "file_unexpected_error";

    // Templates.
    /// <summary>404: "Template not found."</summary>
    public const string TemplateNotFound = "template_not_found";

    /// <summary>409: "Template already exists."</summary>
    public const string TemplateExists = "template_exists";

    /// <summary>400: "Invalid template category code."</summary>
    public const string TemplateInvalidCategoryCode = "template_invalid_category_code";

    /// <summary>400: "Invalid language code."</summary>
    public const string TemplateInvalidLanguageCode = "template_invalid_language_code";

    /// <summary>424: "Template kakaoTalk validation error: Some details from provider"</summary>
    public const string TemplateKakaotalkValidationError = "template_kakaotalk_validation_error";

    /// <summary>409: "Template is not updatable."</summary>
    public const string TemplateNotUpdatable = "template_not_updatable";

    /// <summary>409: "Template is not updatable."</summary>
    public const string TemplateChangesNotUpdatable = "template_changes_not_updatable";

    /// <summary>409: "Template is not deletable."</summary>
    public const string TemplateNotDeletable = "template_not_deletable";

    // Webhooks.
    /// <summary>404: "Webhook not found."</summary>
    public const string WebhookNotFound = "webhook_not_found";

    /// <summary>409: "Webhook with the provided target already exists."</summary>
    public const string WebhookExists = "webhook_exists";

    /// <summary>424: "Number of webhooks has reached the limit."</summary>
    public const string WebhookLimitReached = "webhook_limit_reached";

    /// <summary>400: "Id is not in the expected format."</summary>
    public const string InvalidIdFormat = "invalid_id_format";
}
