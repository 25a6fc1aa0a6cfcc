using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// Runs a typed resource behind <see cref="IResourceHandler"/>: decodes property maps into its records with the
/// generated codecs, applies the attribute-derived defaults where the resource opts out, and encodes results
/// back (inputs the program marked secret stay secret in the outputs).
/// </summary>
internal sealed class ResourceHandler<TInputs, TOutputs>(IResource<TInputs, TOutputs> resource) : IResourceHandler
    where TInputs : class, IPropertyRecord<TInputs>
    where TOutputs : class, IPropertyRecord<TOutputs>
{
    public string Token => resource.Token;

    public CheckResult Check(PropertyMap news)
    {
        var result = InputCheck.Check(TInputs.Spec, resource.Token, news, resource as IInputRules);
        if (resource is not ICheck<TInputs> check)
        {
            return result;
        }

        var reader = PropertyReader.Lenient(result.Inputs);
        var more = check.Check(new CheckRequest<TInputs>(TInputs.Decode(reader), ValueFacts.Of(reader)))
            .Where(f => !result.Failures.Any(existing => existing.Property == f.Property))
            .ToList();
        return more.Count == 0 ? result : result with { Failures = [.. result.Failures, .. more] };
    }

    public DiffResult Diff(DiffCall call)
    {
        var result = InputDiff.Diff(TInputs.Spec, call.Olds, call.News, call.OldInputs, call.IgnoreChanges);
        if (resource is not IDiff<TInputs, TOutputs> diff)
        {
            return result;
        }

        var baseline = call.OldInputs is { Count: > 0 } oldInputs ? oldInputs : call.Olds;
        var news = PropertyReader.Lenient(call.News);
        return diff.Diff(new DiffRequest<TInputs, TOutputs>(
            call.Id,
            TInputs.Decode(PropertyReader.Lenient(baseline)),
            TOutputs.Decode(PropertyReader.Lenient(call.Olds)),
            TInputs.Decode(news),
            ValueFacts.Of(news),
            call.IgnoreChanges ?? [],
            result));
    }

    public async Task<(string Id, PropertyMap Outputs)> CreateAsync(CreateCall call, CancellationToken cancellationToken)
    {
        RequireValid(call.Inputs);
        if (call.Preview)
        {
            await PreviewAsync(PreviewOperation.Create, "", call.Inputs, call.Urn, cancellationToken);
            return ("", PreviewOutputs.Of(TInputs.Spec, TOutputs.Spec, call.Inputs, olds: null));
        }

        var (inputs, secrets) = Known(call.Inputs);
        try
        {
            var created = await resource.CreateAsync(new CreateRequest<TInputs>(inputs, secrets, call.Urn), cancellationToken);
            return (created.Id, PropertyWriter.Write(created.Outputs, WithDerived(secrets)));
        }
        catch (KeptResourceException kept) when (kept.Outputs is TOutputs outputs)
        {
            throw new ResourceInitFailedException(kept.Id, PropertyWriter.Write(outputs, WithDerived(secrets)), call.Inputs, kept.Reasons, kept.InnerException!);
        }
    }

    public async Task<(PropertyMap Outputs, PropertyMap Inputs)?> ReadAsync(ReadCall call, CancellationToken cancellationToken)
    {
        if (resource is not IRead<TInputs, TOutputs> read)
        {
            throw new InvalidInputException($"{resource.Token} cannot be read back: refresh and import are not supported.");
        }

        // Inputs the program marked secret stay secret across a refresh.
        var before = call.OldInputs.Count > 0 ? call.OldInputs : call.Olds;
        var secrets = before.Where(kv => kv.Value.IsSecret && TInputs.Spec.Contains(kv.Key)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var result = await read.ReadAsync(
            new ReadRequest<TInputs, TOutputs>(
                call.Id,
                TInputs.Decode(PropertyReader.Lenient(call.OldInputs)),
                TOutputs.Decode(PropertyReader.Lenient(call.Olds)),
                secrets,
                call.Urn),
            cancellationToken);
        return result is null ? null : (PropertyWriter.Write(result.Outputs, WithDerived(secrets)), PropertyWriter.Write(result.Inputs, secrets));
    }

    public async Task<PropertyMap> UpdateAsync(UpdateCall call, CancellationToken cancellationToken)
    {
        if (resource is not IUpdate<TInputs, TOutputs> update)
        {
            throw new InvalidInputException($"{resource.Token} cannot be updated in place; every change replaces it.");
        }

        RequireValid(call.News);
        if (call.Preview)
        {
            await PreviewAsync(PreviewOperation.Update, call.Id, call.News, call.Urn, cancellationToken);
            return PreviewOutputs.Of(TInputs.Spec, TOutputs.Spec, call.News, call.Olds);
        }

        var (news, secrets) = Known(call.News);
        try
        {
            var outputs = await update.UpdateAsync(
                new UpdateRequest<TInputs, TOutputs>(call.Id, TOutputs.Decode(PropertyReader.Lenient(call.Olds)), news, secrets, call.Urn),
                cancellationToken);
            return PropertyWriter.Write(outputs, WithDerived(secrets));
        }
        catch (KeptResourceException kept) when (kept.Outputs is TOutputs outputs)
        {
            throw new ResourceInitFailedException(kept.Id, PropertyWriter.Write(outputs, WithDerived(secrets)), call.News, kept.Reasons, kept.InnerException!);
        }
    }

    public Task DeleteAsync(DeleteCall call, CancellationToken cancellationToken) =>
        resource is IDelete<TInputs, TOutputs> delete
            ? delete.DeleteAsync(
                new DeleteRequest<TInputs, TOutputs>(call.Id, TInputs.Decode(PropertyReader.Lenient(call.OldInputs)), TOutputs.Decode(PropertyReader.Lenient(call.Olds))),
                cancellationToken)
            : Task.CompletedTask;

    private Task PreviewAsync(PreviewOperation operation, string id, PropertyMap inputs, string? urn, CancellationToken cancellationToken)
    {
        if (resource is not IPreview<TInputs> preview)
        {
            return Task.CompletedTask;
        }

        var reader = PropertyReader.Lenient(inputs);
        return preview.PreviewAsync(new PreviewRequest<TInputs>(operation, id, TInputs.Decode(reader), ValueFacts.Of(reader), urn), cancellationToken);
    }

    /// <summary>
    /// The engine only sends checked inputs, but a Create or Update must not act on anything else (an SDK bug,
    /// a hand-edited state): the same rules as Check, reported as InvalidArgument naming each property, before
    /// any API call. Unknown values pass (preview), as in Check.
    /// </summary>
    private void RequireValid(PropertyMap inputs)
    {
        var failures = Check(inputs).Failures;
        if (failures.Count > 0)
        {
            throw new InvalidInputException(string.Join("; ", failures.Select(f => f.Reason)));
        }
    }

    // The secret inputs plus the outputs the resource computes from secret inputs.
    private IReadOnlySet<string> WithDerived(IReadOnlySet<string> secrets)
    {
        if (resource is not IDerivedSecrets derived)
        {
            return secrets;
        }

        var secretInputs = secrets.Concat(TInputs.Spec.Properties.Where(p => p.Secret).Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        var all = new HashSet<string>(secrets, StringComparer.Ordinal);
        all.UnionWith(derived.DerivedSecrets(secretInputs));
        return all;
    }

    // Top-level inputs the program marked secret, beyond those always secret.
    private static (TInputs Inputs, IReadOnlySet<string> Secrets) Known(PropertyMap map)
    {
        var reader = PropertyReader.Strict(map);
        var inputs = TInputs.Decode(reader);
        return (inputs, reader.Secrets.Where(s => TInputs.Spec.Find(s) is { Secret: false }).ToHashSet(StringComparer.Ordinal));
    }
}
