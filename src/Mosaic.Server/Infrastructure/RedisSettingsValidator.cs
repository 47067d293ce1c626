using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Checks REDIS_URL and REDIS_KEY_PREFIX at start-up, next to <see cref="MosaicSettingsValidator"/>
/// (options run every registered validator), so a typo stops the server with the variable's name
/// instead of surfacing later as a cache that silently never connects.
/// </summary>
internal sealed class RedisSettingsValidator : IValidateOptions<MosaicSettings>
{
    public ValidateOptionsResult Validate(string? name, MosaicSettings s)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(s.RedisUrl) && !RedisUrl.TryParse(s.RedisUrl, out _, out var error))
            errors.Add(error);
        if (s.RedisKeyPrefix.Any(char.IsWhiteSpace) || s.RedisKeyPrefix.Contains('*'))
            errors.Add("REDIS_KEY_PREFIX must not contain spaces or '*'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
