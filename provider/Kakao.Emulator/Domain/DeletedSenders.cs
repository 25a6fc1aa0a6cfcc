namespace Kakao.Emulator.Domain;

/// <summary>
/// What a deleted sender looks like until its 60 days are over, replaceable at run time through the control API.
/// Sinch keeps a deleted sender usable for 60 days ("kept usable 60 days, then removed"); its DTO has no
/// field or enum value that says it was deleted.
/// </summary>
internal sealed class DeletedSendersHolder(DeletedSenderMode initial)
{
    private volatile int _current = (int)initial;

    public DeletedSenderMode Initial { get; } = initial;

    public DeletedSenderMode Current
    {
        get => (DeletedSenderMode)_current;
        set => _current = (int)value;
    }
}
