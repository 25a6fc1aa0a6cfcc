using Kakao.Emulator.State;

namespace Kakao.Emulator.Domain;

/// <summary>What the lifecycle tells the outside world: webhook events and review deadlines.</summary>
internal interface IDomainEvents
{
    /// <summary>A sender event happened; called under the store lock, must not block.</summary>
    void SenderEvent(ProjectState project, string eventType, SenderRecord sender, string? comment);

    /// <summary>A template event happened; called under the store lock, must not block.</summary>
    void TemplateEvent(ProjectState project, string eventType, TemplateRecord template, string? comment);

    /// <summary>A review becomes due after <paramref name="delay"/>; the store applies it then.</summary>
    void ReviewScheduled(TimeSpan delay);
}
