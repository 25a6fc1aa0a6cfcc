namespace Kakao.Cli.Tests.Support;

/// <summary>
/// Standard input that answers each line with the code the emulator "sent" to the admin phone at that moment
/// — a person reading the SMS and typing it in, so a test can take a sender through register and verify in one
/// run with <c>--otp-from stdin</c>.
/// </summary>
internal sealed class PhoneReader(EmulatorRig rig, string plusFriendId = Senders.Id) : TextReader
{
    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => await rig.PhoneAsync(plusFriendId);

    public override Task<string?> ReadLineAsync() => rig.PhoneAsync(plusFriendId);

    public override string? ReadLine() => rig.PhoneAsync(plusFriendId).GetAwaiter().GetResult();
}
