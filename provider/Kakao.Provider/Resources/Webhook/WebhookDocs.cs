namespace Kakao.Provider.Resources.Webhook;

/// <summary>The schema documentation of the webhook resource (Markdown).</summary>
internal static class WebhookDocs
{
    public const string Resource = """
        A webhook subscription of a Sinch project: Sinch posts a signed callback to `target` when a KakaoTalk sender
        or template changes (the `kakao` CLI's webhook mode can receive them). A changed `target`, a rotated `secret`
        or new `triggers` update the subscription in place (PATCH), so there is never a window without one; a new
        `projectId` replaces it, creating the new one first. A project has at most 15 webhooks.

        ## Example Usage

        ```yaml
        resources:
          callbacks:
            type: kakao:index:Webhook
            properties:
              target: https://hooks.example.com/kakao
              secret:
                fn::secret: change-me
              triggers:
                - KAKAOTALK_SENDER_ACTIVE
                - KAKAOTALK_TEMPLATE_APPROVED
        ```

        ## Import

        An existing webhook is imported by its id (the secret cannot be read back: the declared one is kept):

        ```sh
        pulumi import kakao:index:Webhook callbacks 7c60ce550f1d40198d5ffb113d58591b
        ```

        """;
}
