namespace Kakao.EngineHarness.Results;

/// <summary>A resource URN, <c>urn:pulumi:stack::project::type::name</c>.</summary>
/// <param name="Stack">The stack name.</param>
/// <param name="Project">The project name.</param>
/// <param name="Type">The type token, e.g. <c>kakao:index:KakaoSender</c>.</param>
/// <param name="Name">The logical name.</param>
public sealed record ResourceUrn(string Stack, string Project, string Type, string Name)
{
    /// <summary>The URN text.</summary>
    public override string ToString() => $"urn:pulumi:{Stack}::{Project}::{Type}::{Name}";
}
