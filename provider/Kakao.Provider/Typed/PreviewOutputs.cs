using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// What a preview predicts a create or update returns: the inputs as given (output values become plain, secret
/// or unknown values: outputs carry no dependencies), outputs the inputs may leave out (resolved defaults)
/// from the old state or unknown, and computed outputs unknown, except <see cref="PropertySpec.Stable"/> ones an
/// update keeps.
/// </summary>
internal static class PreviewOutputs
{
    public static PropertyMap Of(RecordSpec inputSpec, RecordSpec outputSpec, PropertyMap inputs, PropertyMap? olds)
    {
        var builder = new PropertyMapBuilder();
        foreach (var (key, value) in inputs)
        {
            var (plain, secret) = value.Unwrap();
            builder.Set(key, secret ? PropertyValue.Secret(plain) : plain);
        }

        foreach (var property in outputSpec.Properties)
        {
            if (inputSpec.Contains(property.Name))
            {
                if (property.OutputRequired && inputs.Get(property.Name) is null)
                {
                    builder.Set(property.Name, olds?.Get(property.Name) ?? PropertyValue.Computed());
                }

                continue;
            }

            builder.Set(property.Name, property.Stable && olds?.Get(property.Name) is { } old ? old : PropertyValue.Computed());
        }

        return builder.Build();
    }
}
