namespace Kakao.Emulator;

/// <summary>
/// The emulator's clock as a DI service. The bare <see cref="TimeProvider"/> is deliberately not registered:
/// framework components that look one up must keep real time even when tests fake the emulator's.
/// </summary>
internal sealed record EmulatorClock(TimeProvider Time);
