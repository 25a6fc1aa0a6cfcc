using System.Text;

namespace Kakao.EngineHarness.Hosting;

/// <summary>Thread-safe text accumulated from a child process stream.</summary>
internal sealed class OutputCapture
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    public void Append(string text)
    {
        lock (_gate)
        {
            _text.Append(text);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
