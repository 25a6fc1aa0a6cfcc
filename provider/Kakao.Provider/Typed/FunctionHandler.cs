using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// Runs a typed function behind <see cref="IFunctionHandler"/>: arguments decoded leniently, checked if the function
/// opts in, the result encoded (echoed secret arguments kept secret).
/// </summary>
internal sealed class FunctionHandler<TArgs, TResult>(IFunction<TArgs, TResult> function) : IFunctionHandler
    where TArgs : class, IPropertyRecord<TArgs>
    where TResult : class, IPropertyRecord<TResult>
{
    public string Token => function.Token;

    public async Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(PropertyMap args, bool preview, CancellationToken cancellationToken)
    {
        var reader = PropertyReader.Lenient(args);
        var request = new InvokeRequest<TArgs>(TArgs.Decode(reader), ValueFacts.Of(reader), preview);
        if (function is ICheckArgs<TArgs> check && check.CheckArgs(request) is { Count: > 0 } failures)
        {
            return (null, failures);
        }

        var result = await function.InvokeAsync(request, cancellationToken);
        // An argument the program marked secret stays secret where the result echoes it under its name.
        var secrets = new HashSet<string>(reader.Secrets.Where(TResult.Spec.Contains), StringComparer.Ordinal);
        secrets.UnionWith(result.Secrets ?? new HashSet<string>());
        var map = PropertyWriter.Write(result.Value, secrets);
        return (result.Only is { } only ? new PropertyMap(map.Where(kv => only.Contains(kv.Key))) : map, []);
    }
}
